package io.cluman.bench.containers;

import java.time.Duration;

/**
 * One timed round.
 *
 * @param what       {@code engine} or {@code cluman}
 * @param containers how many were started
 * @param elapsed    first request → all running
 */
record RoundResult(String what, int containers, Duration elapsed) {
    double perSecond() {
        return containers / (elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format("%-6s %3d containers in %6.2f s = %6.1f containers/s", what, containers,
                elapsed.toNanos() / 1e9, perSecond());
    }
}
