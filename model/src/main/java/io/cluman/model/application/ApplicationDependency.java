package io.cluman.model.application;

import java.util.Objects;

/**
 * A service of the application that another waits for.
 *
 * @param service   the dependency's compose name ({@code db}), not its service name ({@code shop-db})
 * @param condition {@code service_started}, {@code service_healthy} or {@code service_completed_successfully}
 */
public record ApplicationDependency(String service, String condition) {
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    public ApplicationDependency {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(condition, "condition");
    }
}
