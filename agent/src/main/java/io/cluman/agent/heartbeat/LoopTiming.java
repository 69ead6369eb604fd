package io.cluman.agent.heartbeat;

import java.time.Duration;

/**
 * The loop's waits.
 *
 * @param minBackoff      first wait after a failed join (server unreachable or 5xx); doubles per failure
 * @param maxBackoff      cap of that wait
 * @param rejectedRetry   wait after the server rejected the agent (401, 403, other 4xx): retry slowly
 * @param defaultInterval heartbeat interval when the server's reply gives none
 * @param closeGrace      how long {@code close()} lets a call in flight finish before interrupting it
 */
public record LoopTiming(Duration minBackoff, Duration maxBackoff, Duration rejectedRetry, Duration defaultInterval,
                         Duration closeGrace) {
    public static final LoopTiming DEFAULTS = new LoopTiming(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMillis(500));

    public LoopTiming {
        for (Duration d : new Duration[] {minBackoff, maxBackoff, rejectedRetry, defaultInterval, closeGrace}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("loop timings must be positive: " + d);
            }
        }
        if (minBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("minBackoff " + minBackoff + " exceeds maxBackoff " + maxBackoff);
        }
    }
}
