package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the node's agent last reported of a container's allocation (observed state).
 *
 * @param runtimeId the driver's id: a Docker container id, or {@code pid:starttime} of a process
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStatus(String allocId, String node, long generation, TaskState state, Integer exitCode,
                              int restarts, String lastError, String runtimeId, Instant startedAt,
                              Instant finishedAt, Instant updatedAt, long revision) {

    public static ContainerStatus pending(String allocId, String node, Instant at) {
        return new ContainerStatus(allocId, node, 0, TaskState.PENDING, null, 0, null, null, null, null, at, 0);
    }

    public ContainerStatus withRevision(long newRevision) {
        return new ContainerStatus(allocId, node, generation, state, exitCode, restarts, lastError, runtimeId, startedAt,
                finishedAt, updatedAt, newRevision);
    }
}
