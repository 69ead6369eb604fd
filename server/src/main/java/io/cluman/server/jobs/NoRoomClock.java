package io.cluman.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Times how long a drain has had no room: from the first look that found a replica without a place to go,
 * started again whenever a replica leaves the node (the drain moves) or room is found.
 */
final class NoRoomClock {
    private final InstantSource clock;
    private final Duration limit;
    private Instant since;
    private int left;

    NoRoomClock(InstantSource clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Notes this look; true once there has been no room and no progress for the whole limit. */
    boolean expired(Evacuation.Pending pending) {
        Instant now = clock.instant();
        if (!pending.noRoom()) {
            since = null;
            return false;
        }
        if (since == null || pending.left() < left) {
            since = now;
            left = pending.left();
            return false;
        }
        return !now.isBefore(since.plus(limit));
    }
}
