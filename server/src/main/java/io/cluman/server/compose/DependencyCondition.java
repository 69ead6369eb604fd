package io.cluman.server.compose;

import java.util.Locale;

/** When a service may start, relative to one it depends on ({@code depends_on.<name>.condition}). */
public enum DependencyCondition {
    /** {@code service_started}: once the dependency's containers run (the default). */
    SERVICE_STARTED,
    /** {@code service_healthy}: once they pass their health check. */
    SERVICE_HEALTHY,
    /** {@code service_completed_successfully}: once they have exited with status 0. */
    SERVICE_COMPLETED_SUCCESSFULLY;

    /** The name in a compose file: {@code service_healthy}. */
    public String composeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The condition named {@code text}, or null when there is none of that name. */
    static DependencyCondition parse(String text) {
        for (DependencyCondition c : values()) {
            if (c.composeName().equals(text)) {
                return c;
            }
        }
        return null;
    }
}
