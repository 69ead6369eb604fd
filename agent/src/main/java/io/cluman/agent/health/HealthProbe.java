package io.cluman.agent.health;

import java.time.Duration;

/** One kind of check, run once per call. Never throws for a failing check: that is a failed result. */
public interface HealthProbe {
    /**
     * Runs the check once; returns within about {@code timeout}.
     *
     * @throws InterruptedException when the calling thread is interrupted (the checker is closing)
     */
    ProbeResult run(Duration timeout) throws InterruptedException;
}
