package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import java.time.Instant;

/**
 * One replica of a service as {@code GET /v1/services/{name}} shows it.
 *
 * @param container the replica's container name ({@code <service>-<k>})
 * @param health    {@code starting}, {@code healthy} or {@code unhealthy}; absent without a health check
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaView(String container, String node, TaskState status, Health health, int restarts,
                          Instant createdAt) {
}
