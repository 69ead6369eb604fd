package io.cluman.bench.scheduler;

import io.cluman.scheduler.NodeInfo;
import io.cluman.scheduler.PlacementRequest;
import io.cluman.scheduler.PlacementResult;
import io.cluman.scheduler.Plan;
import io.cluman.scheduler.Scheduler;
import io.cluman.scheduler.Snapshot;
import io.cluman.scheduler.constraint.ConstraintParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Single-threaded placements per second on a {@link BenchCluster}: a warm-up run on its own scheduler, then the
 * measured run (every plan kept, as in-flight allocations), its rate per 100,000 placements, and a
 * {@link PlacementTally} of the result. Prints plain text; never asserts on time.
 *
 * <pre>usage: SchedulerBench [--nodes 10000] [--placements 1000000] [--warmup 300000] [--seed 1]</pre>
 */
public final class SchedulerBench {
    private static final int CHUNK = 100_000;

    private SchedulerBench() {
    }

    public static void main(String[] args) {
        int nodes = 10_000;
        long placements = 1_000_000;
        long warmup = 300_000;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(args[i + 1]);
                case "--placements" -> placements = Long.parseLong(args[i + 1]);
                case "--warmup" -> warmup = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(nodes, placements, warmup, seed);
    }

    private static void run(int nodeCount, long placements, long warmup, long seed) {
        long t0 = System.nanoTime();
        List<NodeInfo> nodes = BenchCluster.nodes(nodeCount, seed);
        Snapshot snapshot = Snapshot.of(nodes);
        print("snapshot: %,d nodes built and indexed in %.0f ms; %,d take placements and pass %s", nodeCount,
                ms(t0), eligible(nodes), BenchCluster.CONSTRAINTS);
        for (int round = 0; round < 2 && warmup > 0; round++) {
            long t = System.nanoTime();
            Run run = measure(snapshot, BenchCluster.requests(warmup, new SplittableRandom(seed + 100 + round)),
                    seed + 100 + round);
            print("warm-up %d: %,d placements in %.0f ms", round + 1, run.placed(), ms(t));
        }
        List<PlacementRequest> requests = BenchCluster.requests(placements, new SplittableRandom(seed + 1));
        print("measured run: %,d requests (services of 1-16 replicas)", requests.size());
        Run run = measure(snapshot, requests, seed);
        print("measured: %,d placements in %.2f s = %,.0f placements/s; %,d replicas found no node", run.placed(),
                run.seconds(), run.placed() / run.seconds(), run.unplaced());
        List<Double> rates = run.chunkRates();
        print("per %,d placements: first %,.0f/s, slowest %,.0f/s, fastest %,.0f/s, last %,.0f/s", CHUNK,
                rates.isEmpty() ? 0 : rates.get(0), rates.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                rates.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                rates.isEmpty() ? 0 : rates.get(rates.size() - 1));
        oneShot(snapshot, requests);
        PlacementTally tally = new PlacementTally(snapshot, ConstraintParser.parseAll("constraints",
                BenchCluster.CONSTRAINTS));
        run.plans().forEach(tally::add);
        print("verified: %,d replicas on %,d nodes; %d nodes over capacity, %d replicas breaking a constraint or"
                        + " on a node taking no placements; fullest node at %.1f %% CPU", tally.replicas(),
                tally.nodesUsed(), tally.oversubscribed(), tally.misplaced(), tally.fullestCpuPercent());
    }

    /** A run's plans and figures; {@code chunkRates}: placements/s over each {@link #CHUNK} placements. */
    private record Run(List<Plan> plans, long placed, long unplaced, double seconds, List<Double> chunkRates) {
    }

    /** Places every request on one scheduler (the working copy is made inside the timing). */
    private static Run measure(Snapshot snapshot, List<PlacementRequest> requests, long seed) {
        List<Plan> plans = new ArrayList<>(requests.size());
        List<Double> chunkRates = new ArrayList<>();
        long placed = 0;
        long unplaced = 0;
        long chunkDone = 0;
        long start = System.nanoTime();
        long chunkStart = start;
        Scheduler scheduler = new Scheduler(snapshot, seed);
        for (PlacementRequest r : requests) {
            PlacementResult result = scheduler.place(r);
            plans.add(result.plan());
            placed += result.plan().size();
            unplaced += r.replicas() - result.plan().size();
            if (placed + unplaced >= chunkDone + CHUNK) {
                long now = System.nanoTime();
                chunkRates.add((placed + unplaced - chunkDone) / ((now - chunkStart) / 1e9));
                chunkStart = now;
                chunkDone = placed + unplaced;
            }
        }
        return new Run(plans, placed, unplaced, (System.nanoTime() - start) / 1e9, chunkRates);
    }

    /** What the server will do per evaluation: a fresh scheduler on the snapshot, one request. */
    private static void oneShot(Snapshot snapshot, List<PlacementRequest> requests) {
        int runs = Math.min(2_000, requests.size());
        long placed = 0;
        long t = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            placed += Scheduler.place(snapshot, requests.get(i), i).plan().size();
        }
        double micros = (System.nanoTime() - t) / 1e3 / runs;
        print("one-shot: a fresh scheduler per request (working copy of %,d nodes + placement): %.0f µs per request"
                + " (%,d requests, %,d placements)", snapshot.size(), micros, runs, placed);
    }

    private static long eligible(List<NodeInfo> nodes) {
        var constraints = ConstraintParser.parseAll("constraints", BenchCluster.CONSTRAINTS);
        return nodes.stream().filter(n -> n.on() && n.healthy() && n.takesPlacements()
                && constraints.stream().allMatch(c -> c.test(n.value(c.key())))).count();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
