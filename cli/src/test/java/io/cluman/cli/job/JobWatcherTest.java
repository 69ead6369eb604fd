package io.cluman.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import io.cluman.model.job.Progress;
import io.cluman.model.node.NodeOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobWatcherTest {
    private final List<Duration> sleeps = new ArrayList<>();

    static Job job(JobState state, int done, int total) {
        return new Job("j-1", "node.batch", null, state, new Progress(done, total), List.of(), null, 1, null, null, null,
                null, 1);
    }

    private Job watch(boolean terminal, StringWriter err, Job first, Job... next) {
        Deque<Job> polls = new ArrayDeque<>(List.of(next));
        JobWatcher watcher = new JobWatcher(id -> polls.removeFirst(), sleeps::add, new PrintWriter(err), terminal);
        return watcher.watch(first);
    }

    @Test
    void printsOneLinePerChangeWhenStderrIsNotATerminal() {
        StringWriter err = new StringWriter();

        Job end = watch(false, err, job(JobState.PENDING, 0, 2), job(JobState.RUNNING, 0, 2),
                job(JobState.RUNNING, 0, 2), job(JobState.RUNNING, 1, 2), job(JobState.SUCCEEDED, 2, 2));

        assertThat(end.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(err.toString()).isEqualTo("""
                [----------] 0/2 PENDING
                [----------] 0/2 RUNNING
                [#####-----] 1/2 RUNNING
                [##########] 2/2 SUCCEEDED
                """);
        assertThat(sleeps).hasSize(4).allMatch(JobWatcher.POLL::equals);
    }

    @Test
    void redrawsInPlaceOnATerminalAndEndsTheLine() {
        StringWriter err = new StringWriter();

        watch(true, err, job(JobState.RUNNING, 1, 2), job(JobState.FAILED, 1, 2));

        assertThat(err.toString()).isEqualTo("\r[#####-----] 1/2 RUNNING\r[#####-----] 1/2 FAILED \n");
    }

    @Test
    void aFinishedJobIsNotPolled() {
        StringWriter err = new StringWriter();

        watch(false, err, job(JobState.SUCCEEDED, 1, 1));

        assertThat(sleeps).isEmpty();
        assertThat(err.toString()).isEqualTo("[##########] 1/1 SUCCEEDED\n");
    }

    @Test
    void summarisesAFailedJobWithItsFailedSteps() {
        Job failed = new Job("j-9", "node.batch", null, JobState.FAILED, new Progress(2, 2),
                List.of(new JobStep("n-1", JobState.SUCCEEDED, ""), new JobStep("n-2", JobState.FAILED, "agent gone")),
                null, 1, "1 of 2 nodes failed", null, null, null, 3);

        assertThat(JobOutcome.summary(failed, Instant.EPOCH))
                .isEqualTo("step n-2 FAILED: agent gone\njob j-9 node.batch (n-1, n-2): FAILED: 1 of 2 nodes failed");
    }

    @Test
    void summaryNamesTheOperationAFewNodesAndHowLongItRan() {
        List<JobStep> steps = List.of("n-1", "n-2", "n-3", "n-4", "n-5").stream()
                .map(n -> new JobStep(n, JobState.SUCCEEDED, "")).toList();
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        Job done = new Job("j-3", "node.batch", null, JobState.SUCCEEDED, new Progress(5, 5), steps,
                NodeOperation.DRAIN, 2, null, start.minusSeconds(5), start, start.plusSeconds(42), 9);

        assertThat(JobOutcome.summary(done, start.plusSeconds(600)))
                .isEqualTo("job j-3 node.batch drain (n-1, n-2, n-3 and 2 more): SUCCEEDED after 42s");
    }

    @Test
    void aJobStillRunningCountsItsTimeToNow() {
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        Job running = new Job("j-4", "service.deployment", "service web, deployment d2 of generation 2",
                JobState.RUNNING, new Progress(1, 3), List.of(), null, 0, null, start, start, null, 2);

        assertThat(JobOutcome.summary(running, start.plusSeconds(75)))
                .isEqualTo("job j-4 service.deployment (service web, deployment d2 of generation 2): RUNNING after 1m");
    }

    @Test
    void aRunningJobShowsWhatItsWaitingStepSays() {
        StringWriter err = new StringWriter();
        String why = "moving 2 service replica(s) off the node: web-a (web: no room: placed 0 of 1; 1 node: 1 not ACTIVE)";
        Job waiting = new Job("j-5", "node.drain", null, JobState.RUNNING, new Progress(0, 2),
                List.of(new JobStep("n-1", JobState.RUNNING, why), new JobStep("n-2", JobState.PENDING, "")),
                NodeOperation.DRAIN, 1, null, null, null, null, 4);

        watch(false, err, waiting, job(JobState.FAILED, 1, 2));

        assertThat(err.toString()).isEqualTo("[----------] 0/2 RUNNING — n-1: " + why + "\n[#####-----] 1/2 FAILED\n");
    }

    @Test
    void aLongLineIsCutToFitOnATerminal() {
        StringWriter err = new StringWriter();
        Job waiting = new Job("j-6", "node.drain", null, JobState.RUNNING, new Progress(0, 1),
                List.of(new JobStep("n-1", JobState.RUNNING, "x".repeat(300))), NodeOperation.DRAIN, 1, null, null,
                null, null, 4);

        watch(true, err, waiting, job(JobState.SUCCEEDED, 1, 1));

        String first = err.toString().split("\r")[1];
        assertThat(first).hasSize(ProgressLine.TERMINAL_WIDTH).endsWith("x…");
    }
}
