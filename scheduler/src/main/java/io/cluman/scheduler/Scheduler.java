package io.cluman.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Places replicas on the nodes of one {@link Snapshot}. Each plan it returns is added to its working
 * allocations, so a later request sees the earlier ones (as a plan in flight would be); the snapshot itself
 * never changes. For each replica:
 * <ol>
 *   <li>walk the nodes in a random order (a random start and a random stride coprime to the node count: a
 *       permutation at O(1) cost), keeping the nodes every filter of {@link Feasibility} accepts;</li>
 *   <li>stop after {@link Sampling#limit} of them, scoring each with {@link Scorer}; the best wins (the first
 *       seen among equals, which the random walk makes a random one);</li>
 *   <li>allocate it there; when no node is feasible, explain why and stop: the rest do not fit either.</li>
 * </ol>
 * Randomness comes only from the seed: the same snapshot, requests and seed give the same plans.
 * Not thread-safe; one scheduler per evaluation (or per benchmark thread).
 */
public final class Scheduler {
    private final Snapshot snapshot;
    private final Sampling sampling;
    private final SplittableRandom random;
    private final Allocations allocations;
    private final ReplicaCounts replicas;

    public Scheduler(Snapshot snapshot, long seed) {
        this(snapshot, seed, Sampling.BOUNDED);
    }

    public Scheduler(Snapshot snapshot, long seed, Sampling sampling) {
        this.snapshot = snapshot;
        this.sampling = sampling;
        this.random = new SplittableRandom(seed);
        this.allocations = new Allocations(snapshot);
        this.replicas = new ReplicaCounts(snapshot.size());
    }

    /** One request on a fresh scheduler: the plan for {@code request} on {@code snapshot} with {@code seed}. */
    public static PlacementResult place(Snapshot snapshot, PlacementRequest request, long seed) {
        return new Scheduler(snapshot, seed).place(request);
    }

    /** Places {@code request}'s replicas, and keeps them allocated for the requests that follow. */
    public PlacementResult place(PlacementRequest request) {
        replicas.load(snapshot, request.existing());
        Feasibility feasibility = new Feasibility(snapshot, request, allocations, replicas);
        Scorer scorer = new Scorer(snapshot, request, allocations, replicas);
        int limit = sampling.limit(snapshot.size(), request);
        List<String> chosen = new ArrayList<>(request.replicas());
        for (int r = 0; r < request.replicas(); r++) {
            int node = select(feasibility, scorer, limit);
            if (node < 0) {
                Plan plan = plan(request, chosen);
                Explanation why = explain(feasibility, chosen.size(), request.replicas());
                return chosen.isEmpty() ? new PlacementResult.Unplaced(plan, why)
                        : new PlacementResult.PartlyPlaced(plan, why);
            }
            allocations.add(node, request.milliCpus(), request.memory(), request.hostPorts());
            replicas.add(node, 1);
            scorer.placed(node);
            chosen.add(snapshot.at(node).id());
        }
        return new PlacementResult.Placed(plan(request, chosen));
    }

    /** The best of up to {@code limit} feasible nodes met on a random walk, or −1 when none is feasible. */
    private int select(Feasibility feasibility, Scorer scorer, int limit) {
        int n = snapshot.size();
        if (n == 0) {
            return -1;
        }
        int stride = stride(n);
        int at = random.nextInt(n);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int found = 0;
        for (int visited = 0; visited < n; visited++) {
            if (feasibility.refusal(at) == Feasibility.FITS) {
                double score = scorer.score(at);
                if (score > bestScore) {
                    best = at;
                    bestScore = score;
                }
                if (++found >= limit) {
                    break;
                }
            }
            at += stride;
            if (at >= n) {
                at -= n;
            }
        }
        return best;
    }

    /** A random step in 1..n−1 that shares no factor with n, so n steps visit every node once. */
    private int stride(int n) {
        if (n <= 2) {
            return 1;
        }
        while (true) {
            int s = 1 + random.nextInt(n - 1);
            if (gcd(s, n) == 1) {
                return s;
            }
        }
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private Explanation explain(Feasibility feasibility, int placed, int requested) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < snapshot.size(); i++) {
            counts.merge(feasibility.reason(feasibility.refusal(i)), 1, Integer::sum);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Explanation(placed, requested, snapshot.size(), ordered);
    }

    private static Plan plan(PlacementRequest request, List<String> nodeIds) {
        return new Plan(request.service(), nodeIds, request.milliCpus(), request.memory(), request.hostPorts());
    }
}
