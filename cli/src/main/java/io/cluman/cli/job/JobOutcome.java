package io.cluman.cli.job;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.client.ClumanClient;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** What a command that started a job prints, with or without {@code --wait}, and its exit code. */
public final class JobOutcome {
    /** How many of a job's nodes its summary names before it counts the rest. */
    static final int NAMED_NODES = 3;

    private JobOutcome() {
    }

    /**
     * Without {@code wait}: says the job started (0). With it: watches the job to its end, prints how it
     * ended, and exits 1 when it did not succeed.
     */
    public static int report(ClumanClient client, Output output, PrintWriter err, Job job, boolean wait) {
        if (!wait) {
            output.done("job " + job.id() + " " + job.state() + " (" + job.kind()
                    + "); follow it with: cluman job watch " + job.id(), job);
            return Main.OK;
        }
        return finished(output, JobWatcher.of(client, err).watch(job));
    }

    /** Prints the finished job (its failed steps, then a one-line summary; or its JSON); 1 unless it succeeded. */
    public static int finished(Output output, Job job) {
        output.done(summary(job, InstantSource.system().instant()), job);
        return job.state() == JobState.SUCCEEDED ? Main.OK : Main.SERVER_ERROR;
    }

    /**
     * A line per step that failed ({@code step n-2 FAILED: agent gone}), then the {@link Summary} line:
     * {@code job j-9 node.batch drain (n-1, n-2): FAILED after 3s: 1 of 2 nodes failed}.
     */
    static String summary(Job job, Instant now) {
        StringBuilder text = new StringBuilder();
        for (JobStep step : job.steps()) {
            if (step.state() == JobState.FAILED || step.state() == JobState.CANCELLED) {
                text.append("step ").append(step.name()).append(" ").append(step.state());
                if (!step.message().isBlank()) {
                    text.append(": ").append(step.message());
                }
                text.append('\n');
            }
        }
        return text.append(Summary.line(what(job), job.state().name(), took(job, now), job.error())).toString();
    }

    /** {@code job j-9 node.batch drain (n-1, n-2)}, {@code job j-4 service.deployment (service web, ...)}. */
    private static String what(Job job) {
        StringBuilder what = new StringBuilder("job ").append(job.id()).append(' ').append(job.kind());
        if ("node.batch".equals(job.kind()) && job.operation() != null) {
            what.append(' ').append(job.operation().wireName());
        }
        if (job.subject() != null && !job.subject().isBlank()) {
            what.append(" (").append(job.subject()).append(')');
        } else if (!job.steps().isEmpty()) {
            what.append(" (").append(nodes(job.steps())).append(')');
        }
        return what.toString();
    }

    /** {@code n-1, n-2, n-3 and 4 more}. */
    private static String nodes(List<JobStep> steps) {
        String named = String.join(", ", steps.stream().limit(NAMED_NODES).map(JobStep::name).toList());
        return steps.size() > NAMED_NODES ? named + " and " + (steps.size() - NAMED_NODES) + " more" : named;
    }

    /** From its start (or creation) to its end, or to {@code now} while it runs; null when not known. */
    private static Duration took(Job job, Instant now) {
        Instant start = job.startedAt() != null ? job.startedAt() : job.createdAt();
        Instant end = job.finishedAt() != null ? job.finishedAt() : job.state().isFinished() ? null : now;
        return start == null || end == null ? null : Duration.between(start, end);
    }
}
