package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * A container as the API shows it: desired state joined with the last status its agent reported.
 *
 * @param constraints  placement constraints of a plain container; absent when it has none
 * @param health       {@code starting}, {@code healthy} or {@code unhealthy}; absent without a health check
 *                     or while it does not run
 * @param healthReason when unhealthy: the output of the failure that made it so
 * @param stats      resource use now, asked of the node's agent when one container is shown and it runs;
 *                   null in lists, and when the agent could not tell (then {@code statsError} says why)
 * @param statsError why {@code stats} is missing although the container runs; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerView(String id, String name, String node, String cluster, String service, String application,
                            List<String> constraints, ContainerSpec spec, DesiredState desired, TaskState status, Integer exitCode, int restarts,
                            String lastError, Health health, String healthReason, String allocId, long generation,
                            String runtimeId, Instant createdAt, Instant startedAt, Instant finishedAt, long revision,
                            ContainerStats stats, String statsError) {
    /** This view with {@code newStats}, or with {@code error} saying why there are none. */
    public ContainerView withStats(ContainerStats newStats, String error) {
        return new ContainerView(id, name, node, cluster, service, application, constraints, spec, desired, status, exitCode,
                restarts, lastError, health, healthReason, allocId, generation, runtimeId, createdAt, startedAt,
                finishedAt, revision, newStats, error);
    }
}
