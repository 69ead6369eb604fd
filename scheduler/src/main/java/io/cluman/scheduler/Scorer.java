package io.cluman.scheduler;

import java.util.Map;

/**
 * Scores a feasible node for one request; the highest score wins. The terms, largest first:
 * <pre>
 *   − 10 × replicas of the service in the node's spread group  (spread over a label: balance groups first)
 *   −  2 × replicas of the service on the node                 (anti-affinity: prefer distinct nodes)
 *   + affinity: Σ weights of matching affinities / Σ |weights|  (−1..1)
 *   + fit: utilisation after placing (binpack), or 1 − that (spread ranking)  (0..1)
 * </pre>
 * Counts are whole numbers, so a group or node with one replica fewer always beats any affinity or fit.
 * Nodes without the spread label form one more group. Not thread-safe: one per request.
 */
final class Scorer {
    static final double SPREAD_WEIGHT = 10;
    static final double ANTI_AFFINITY_WEIGHT = 2;

    private final PlacementRequest request;
    private final Allocations allocations;
    private final ReplicaCounts replicas;
    private final ValueMatch[] affinities;
    private final double[] affinityWeights;
    private final Column spread;
    private final int[] spreadCounts;

    Scorer(Snapshot snapshot, PlacementRequest request, Allocations allocations, ReplicaCounts replicas) {
        this.request = request;
        this.allocations = allocations;
        this.replicas = replicas;
        double total = request.affinities().stream().mapToDouble(a -> Math.abs(a.weight())).sum();
        this.affinities = request.affinities().stream()
                .map(a -> new ValueMatch(a.constraint(), snapshot.column(a.constraint().key())))
                .toArray(ValueMatch[]::new);
        this.affinityWeights = request.affinities().stream().mapToDouble(a -> a.weight() / total).toArray();
        if (request.spreadLabel().isEmpty()) {
            this.spread = null;
            this.spreadCounts = null;
        } else {
            Column column = snapshot.column(request.spreadLabel());
            this.spread = column;
            this.spreadCounts = new int[(column == null ? 0 : column.size()) + 1];
            for (Map.Entry<String, Integer> e : request.existing().entrySet()) {
                int i = snapshot.indexOf(e.getKey());
                if (i >= 0) {
                    spreadCounts[group(i)] += e.getValue();
                }
            }
        }
    }

    /** Whether the request asks for preferences beyond the fit (they widen the sample, see {@link Sampling}). */
    static boolean hasPreferences(PlacementRequest request) {
        return !request.affinities().isEmpty() || !request.spreadLabel().isEmpty();
    }

    double score(int node) {
        double u = allocations.utilisationWith(node, request.milliCpus(), request.memory());
        double score = request.ranking() == Ranking.BINPACK ? u : 1 - u;
        for (int a = 0; a < affinities.length; a++) {
            if (affinities[a].test(node)) {
                score += affinityWeights[a];
            }
        }
        score -= ANTI_AFFINITY_WEIGHT * replicas.on(node);
        if (spreadCounts != null) {
            score -= SPREAD_WEIGHT * spreadCounts[group(node)];
        }
        return score;
    }

    /** Records a replica placed on {@code node}. */
    void placed(int node) {
        if (spreadCounts != null) {
            spreadCounts[group(node)]++;
        }
    }

    /** The node's spread group: the index of its label value, or the last slot when it has none. */
    private int group(int node) {
        int v = spread == null ? -1 : spread.valueOf(node);
        return v < 0 ? spreadCounts.length - 1 : v;
    }
}
