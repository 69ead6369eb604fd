package io.cluman.server.jobs;

import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import io.cluman.server.events.EventBus;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Runs one job: its unfinished steps in batches of {@code batchSize}, the steps of a batch at once, and
 * writes the job after every step so its progress is visible and survives a change of leader.
 */
final class JobRunner {
    private final JsonRepository<Job> jobs;
    private final NodeStep nodeStep;
    private final EventBus events;
    private final InstantSource clock;

    JobRunner(JsonRepository<Job> jobs, NodeStep nodeStep, EventBus events, InstantSource clock) {
        this.jobs = jobs;
        this.nodeStep = nodeStep;
        this.events = events;
        this.clock = clock;
    }

    void run(String jobId) throws InterruptedException {
        Job current = jobs.get(jobId).orElse(null);
        if (current == null || current.state().isFinished()) {
            return;
        }
        Job job = current.state() == JobState.PENDING
                ? jobs.update(jobId, j -> j.state() == JobState.PENDING ? j.started(clock.instant()) : j)
                : current;
        if (job.state() != JobState.RUNNING) {
            return;
        }
        events.info(Topic.JOB, Action.START, "job", job.id(), job.kind() + " started");
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < job.steps().size(); i++) {
            if (!job.steps().get(i).state().isFinished()) {
                todo.add(i);
            }
        }
        for (int from = 0; from < todo.size(); from += job.batchSize()) {
            runBatch(job, todo.subList(from, Math.min(todo.size(), from + job.batchSize())));
        }
        finish(job.id());
    }

    private void runBatch(Job job, List<Integer> batch) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int index : batch) {
                running.add(pool.submit(() -> {
                    JobStep done = nodeStep.run(job.operation(), job.steps().get(index),
                            progress -> recordStep(job.id(), index, progress));
                    recordStep(job.id(), index, done);
                    return done;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("step failed unexpectedly", e.getCause());
                }
            }
        }
    }

    private void recordStep(String jobId, int index, JobStep done) {
        jobs.update(jobId, j -> {
            List<JobStep> steps = new ArrayList<>(j.steps());
            steps.set(index, done);
            return j.withSteps(steps);
        });
    }

    /**
     * FAILED when a step failed; CANCELLED when every step was called off (a drain ended by a commission: the
     * job did not do what it was asked); else SUCCEEDED (steps skipped beside done ones included).
     */
    private static JobState outcome(List<JobStep> steps) {
        if (steps.stream().anyMatch(s -> s.state() == JobState.FAILED)) {
            return JobState.FAILED;
        }
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.state() == JobState.CANCELLED)
                ? JobState.CANCELLED : JobState.SUCCEEDED;
    }

    private void finish(String jobId) {
        Job done = jobs.update(jobId, j -> {
            JobState end = outcome(j.steps());
            return j.finished(end, end == JobState.SUCCEEDED ? "" : j.steps().stream()
                    .filter(s -> s.state() == end).map(s -> s.name() + ": " + s.message())
                    .collect(Collectors.joining("; ")), clock.instant());
        });
        boolean ok = done.state() == JobState.SUCCEEDED;
        boolean calledOff = done.state() == JobState.CANCELLED;
        events.publish(Topic.JOB, ok ? Action.STOP : Action.DIE, ok ? Severity.INFO : calledOff ? Severity.WARNING
                        : Severity.ERROR, "job", done.id(),
                done.kind() + (ok ? " succeeded" : calledOff ? " cancelled: " + done.error() : " failed: " + done.error()),
                Map.of("done", Integer.toString(done.progress().done()), "total",
                        Integer.toString(done.progress().total())));
    }
}
