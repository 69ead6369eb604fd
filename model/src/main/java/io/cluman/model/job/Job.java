package io.cluman.model.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.node.NodeOperation;
import java.time.Instant;
import java.util.List;

/**
 * A long operation. Handlers write it PENDING; the job controller on the leader runs it and records
 * progress after every step, so a new leader resumes it where the old one stopped.
 *
 * @param kind      {@code node.commission}, {@code node.drain}, ... {@code node.batch}, or
 *                  {@code service.deployment}
 * @param subject   what the job works on, in words ({@code service web, generation 3}); absent for node jobs
 * @param operation the node operation the job applies; absent for jobs that follow work done elsewhere
 *                  (a deployment is rolled out by the service controller, its job only reports it)
 * @param steps     one step per node, in the order they run
 * @param batchSize how many steps run at once
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(String id, String kind, String subject, JobState state, Progress progress, List<JobStep> steps,
                  NodeOperation operation, int batchSize, String error, Instant createdAt, Instant startedAt,
                  Instant finishedAt, long revision) {
    public Job {
        steps = steps == null ? List.of() : List.copyOf(steps);
        error = error == null ? "" : error;
    }

    public Job withRevision(long newRevision) {
        return new Job(id, kind, subject, state, progress, steps, operation, batchSize, error, createdAt, startedAt, finishedAt,
                newRevision);
    }

    /** The job with new steps; progress counts the finished steps. */
    public Job withSteps(List<JobStep> newSteps) {
        int done = (int) newSteps.stream().filter(s -> s.state().isFinished()).count();
        return new Job(id, kind, subject, state, new Progress(done, newSteps.size()), newSteps, operation, batchSize, error,
                createdAt, startedAt, finishedAt, revision);
    }

    public Job started(Instant at) {
        return new Job(id, kind, subject, JobState.RUNNING, progress, steps, operation, batchSize, error, createdAt, at,
                finishedAt, revision);
    }

    public Job finished(JobState end, String why, Instant at) {
        return new Job(id, kind, subject, end, progress, steps, operation, batchSize, why, createdAt, startedAt, at, revision);
    }
}
