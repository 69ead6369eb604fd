package io.cluman.server.nodes;

import java.time.Duration;

/**
 * How often agents heartbeat, and when a silent node is off. The interval stretches as the fleet grows
 * so the server never takes more than {@value #MAX_BEATS_PER_SECOND} heartbeats a second; the off
 * threshold stretches with it (three intervals). Pure.
 */
public final class HeartbeatPacing {
    static final int MAX_BEATS_PER_SECOND = 2_500;

    private final Duration baseInterval;
    private final Duration baseOffAfter;

    public HeartbeatPacing(Duration baseInterval, Duration baseOffAfter) {
        this.baseInterval = baseInterval;
        this.baseOffAfter = baseOffAfter;
    }

    public Duration interval(int fleetSize) {
        long stretchedMillis = (long) Math.ceil(fleetSize * 1000.0 / MAX_BEATS_PER_SECOND);
        return Duration.ofMillis(Math.max(baseInterval.toMillis(), stretchedMillis));
    }

    public Duration offAfter(int fleetSize) {
        Duration threeBeats = interval(fleetSize).multipliedBy(3);
        return threeBeats.compareTo(baseOffAfter) > 0 ? threeBeats : baseOffAfter;
    }
}
