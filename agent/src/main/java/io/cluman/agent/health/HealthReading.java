package io.cluman.agent.health;

import io.cluman.model.container.Health;
import java.util.Objects;

/**
 * What a task's health check says now.
 *
 * @param reason when unhealthy: the output of the failure that made it so (at most
 *               {@link HealthTracker#REASON_LIMIT} characters); null otherwise
 */
public record HealthReading(Health health, String reason) {
    public HealthReading {
        Objects.requireNonNull(health, "health");
    }
}
