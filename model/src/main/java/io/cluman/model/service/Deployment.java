package io.cluman.model.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One roll-out of a service generation: its replicas of older templates replaced by replicas of this one.
 *
 * @param id         {@code <generation>} with a short prefix, unique within the service
 * @param job        the id of the job that reports this deployment's progress ({@code GET /v1/jobs/{id}});
 *                   absent in deployments written before jobs reported them
 * @param generation the service generation (template) being rolled out
 * @param reason     why it started (spec replaced, revert to generation n), and later why it ended
 * @param done       replicas of this template running and healthy for the minimum time, at most {@code total}
 * @param total      the replicas the service asks for
 * @param promoted   whether the canaries were promoted (always true without a canary)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deployment(String id, String job, long generation, DeploymentState state, Instant startedAt, Instant finishedAt,
                         String reason, int done, int total, boolean promoted) {

    /** The id of the job following deployment {@code deploymentId} of service {@code service}. */
    public static String jobId(String service, String deploymentId) {
        return "j-" + service + "-" + deploymentId;
    }

    public Deployment withProgress(int newDone, int newTotal, String newReason) {
        return new Deployment(id, job, generation, state, startedAt, finishedAt, newReason, newDone, newTotal, promoted);
    }

    public Deployment finished(DeploymentState end, String why, Instant at) {
        return new Deployment(id, job, generation, end, startedAt, at, why, done, total, promoted);
    }

    public Deployment promote() {
        return new Deployment(id, job, generation, state, startedAt, finishedAt, reason, done, total, true);
    }
}
