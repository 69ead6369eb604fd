package io.cluman.agent.driver;

import io.cluman.model.node.DriverHealth;

/**
 * Checks one driver. {@link #health()} must be cheap and bounded in time (it runs on every
 * heartbeat) and must not throw: trouble is reported as unhealthy with a reason. Implementations are
 * thread-safe.
 */
public interface DriverProbe {
    /** The driver's name as nodes report it: {@code process}, {@code docker}. */
    String name();

    /** Whether the driver's engine answers now, and why not. */
    DriverHealth health();
}
