package io.cluman.agent.heartbeat;

import java.time.Duration;

/** Capped exponential backoff: min, 2·min, 4·min … max, max. Not thread-safe: one loop owns it. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private Duration next;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The wait before the next attempt; each call doubles the following one, up to the cap. */
    Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    void reset() {
        next = min;
    }
}
