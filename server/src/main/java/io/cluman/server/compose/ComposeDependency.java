package io.cluman.server.compose;

import java.util.Objects;

/** A service another service waits for ({@code depends_on}), and what it waits for. */
public record ComposeDependency(String service, DependencyCondition condition) {
    public ComposeDependency {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(condition, "condition");
    }
}
