package io.cluman.server.services;

import java.time.Duration;
import java.util.Objects;

/**
 * When lost replicas are placed again.
 *
 * @param lostGrace  how long a replica's node must have been off before the replica is re-placed
 *                   (default 15 s): a node that blinks does not move its work
 * @param stormShare when more than this share of a cluster's nodes are off at once, re-placement in that
 *                   cluster is held (default 0.5): a network split or a power cut should not pile every
 *                   replica onto the few nodes left
 */
public record ReplacementPolicy(Duration lostGrace, double stormShare) {
    public static final ReplacementPolicy DEFAULT = new ReplacementPolicy(Duration.ofSeconds(15), 0.5);

    public ReplacementPolicy {
        Objects.requireNonNull(lostGrace, "lostGrace");
        if (lostGrace.isNegative()) {
            throw new IllegalArgumentException("lost-grace " + lostGrace + " is negative");
        }
        if (!(stormShare > 0 && stormShare <= 1)) {
            throw new IllegalArgumentException("storm share " + stormShare + " must be in (0, 1]");
        }
    }
}
