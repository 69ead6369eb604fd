package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the node's agent last reported of a container's allocation (observed state).
 *
 * @param runtimeId    the driver's id: a Docker container id, or {@code pid:starttime} of a process
 * @param health       what its health check says; null when it has none or it does not run
 * @param healthReason the output of the failure that made it unhealthy; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStatus(String allocId, String node, long generation, TaskState state, Integer exitCode,
                              int restarts, String lastError, String runtimeId, Instant startedAt,
                              Instant finishedAt, Instant updatedAt, Health health, String healthReason,
                              long revision) {

    public static ContainerStatus pending(String allocId, String node, Instant at) {
        return new ContainerStatus(allocId, node, 0, TaskState.PENDING, null, 0, null, null, null, null, at, null, null, 0);
    }

    public ContainerStatus withRevision(long newRevision) {
        return new ContainerStatus(allocId, node, generation, state, exitCode, restarts, lastError, runtimeId, startedAt,
                finishedAt, updatedAt, health, healthReason, newRevision);
    }
}
