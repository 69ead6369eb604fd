package io.cluman.server.services;

import java.time.Duration;
import java.util.Objects;

/**
 * When lost replicas are placed again, and how long a drain waits for room to move its replicas to.
 *
 * @param lostGrace  how long a replica's node must have been off before the replica is re-placed
 *                   (default 15 s): a node that blinks does not move its work
 * @param stormShare when more than this share of a cluster's nodes are off at once, re-placement in that
 *                   cluster is held (default 0.5): a network split or a power cut should not pile every
 *                   replica onto the few nodes left
 * @param drainNoRoom a drain (or decommission) whose replicas have had nowhere to go for this long, none of
 *                   them leaving the node meanwhile, fails and says why (default 2 min); the node stays
 *                   draining and its replicas move once there is room
 */
public record ReplacementPolicy(Duration lostGrace, double stormShare, Duration drainNoRoom) {
    public static final Duration DEFAULT_DRAIN_NO_ROOM = Duration.ofMinutes(2);
    public static final ReplacementPolicy DEFAULT = new ReplacementPolicy(Duration.ofSeconds(15), 0.5);

    /** A policy with the default drain wait. */
    public ReplacementPolicy(Duration lostGrace, double stormShare) {
        this(lostGrace, stormShare, DEFAULT_DRAIN_NO_ROOM);
    }

    public ReplacementPolicy {
        Objects.requireNonNull(lostGrace, "lostGrace");
        Objects.requireNonNull(drainNoRoom, "drainNoRoom");
        if (lostGrace.isNegative()) {
            throw new IllegalArgumentException("lost-grace " + lostGrace + " is negative");
        }
        if (drainNoRoom.isNegative() || drainNoRoom.isZero()) {
            throw new IllegalArgumentException("drain-no-room " + drainNoRoom + " must be positive");
        }
        if (!(stormShare > 0 && stormShare <= 1)) {
            throw new IllegalArgumentException("storm share " + stormShare + " must be in (0, 1]");
        }
    }
}
