package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import java.time.Instant;

/**
 * A container as the API shows it: desired state joined with the last status its agent reported.
 *
 * @param health       {@code starting}, {@code healthy} or {@code unhealthy}; absent without a health check
 *                     or while it does not run
 * @param healthReason when unhealthy: the output of the failure that made it so
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerView(String id, String name, String node, String cluster, String service, String application,
                            ContainerSpec spec, DesiredState desired, TaskState status, Integer exitCode, int restarts,
                            String lastError, Health health, String healthReason, String allocId, long generation,
                            String runtimeId, Instant createdAt, Instant startedAt, Instant finishedAt, long revision) {
}
