package io.cluman.scheduler;

/**
 * How many feasible nodes are scored per replica. Scoring every node costs O(nodes) per replica; like Nomad,
 * the scheduler walks the nodes in a random order and stops after {@code limit} feasible ones, so the cost per
 * replica stays near constant however large the cluster. The walk still visits every node before giving up,
 * so a replica that fits somewhere is always placed.
 *
 * <p>Bounded (the default): {@code max(2, ⌈log2 n⌉)} feasible nodes (14 of 10,000), as Nomad does for
 * service jobs; when the request has affinities or a spread label, {@code max(64, 4 × that)}, since those
 * need to see more of the cluster to find the preferred nodes. (Nomad scores every node then; a fixed cap
 * keeps the cost bounded.) Exhaustive scores every feasible node: for tests and small clusters.
 */
public enum Sampling {
    BOUNDED, EXHAUSTIVE;

    /** The number of feasible nodes to score for {@code request} among {@code nodes}. */
    int limit(int nodes, PlacementRequest request) {
        if (this == EXHAUSTIVE) {
            return Integer.MAX_VALUE;
        }
        int log = Math.max(2, 32 - Integer.numberOfLeadingZeros(Math.max(1, nodes - 1)));
        return Scorer.hasPreferences(request) ? Math.max(64, 4 * log) : log;
    }
}
