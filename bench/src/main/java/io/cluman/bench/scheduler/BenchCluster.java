package io.cluman.bench.scheduler;

import io.cluman.scheduler.NodeInfo;
import io.cluman.scheduler.PlacementRequest;
import io.cluman.scheduler.constraint.ConstraintParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated cluster and workload. Nodes: 64 cores, 256 GiB, docker; labels {@code zone} (a..d, even) and
 * {@code disk} (ssd on 3 of 4); 1 in 50 not ACTIVE and 1 in 100 unhealthy; each starts 0-30 % used. Requests:
 * services of 1-16 replicas, 50/100/250 millicpus and 64/128/256 MiB each, binpack, constraints
 * {@code zone in (a,b,c)} and {@code disk=ssd} (about 55 % of nodes pass both).
 */
final class BenchCluster {
    static final long MIB = 1L << 20;
    static final List<String> CONSTRAINTS = List.of("zone in (a,b,c)", "disk=ssd");
    private static final long[] CPUS = {50, 100, 250};
    private static final long[] MEMORY = {64 * MIB, 128 * MIB, 256 * MIB};

    private BenchCluster() {
    }

    static List<NodeInfo> nodes(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NodeInfo> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("node-%05d", i);
            Map<String, String> labels = Map.of("zone", String.valueOf((char) ('a' + i % 4)),
                    "disk", random.nextInt(4) == 0 ? "hdd" : "ssd");
            long cpu = 64_000;
            long memory = 256 * 1024 * MIB;
            double used = random.nextDouble(0.3);
            nodes.add(new NodeInfo(id, "host-" + i, random.nextInt(50) != 0, true, random.nextInt(100) != 0, "",
                    labels, Map.of("node.name", "host-" + i), Set.of("docker"), cpu, memory, (long) (cpu * used),
                    (long) (memory * used), Set.of()));
        }
        return nodes;
    }

    /** The requests, drawn from {@code random}, until they add up to {@code placements} replicas. */
    static List<PlacementRequest> requests(long placements, SplittableRandom random) {
        List<PlacementRequest> requests = new ArrayList<>();
        long total = 0;
        var constraints = ConstraintParser.parseAll("constraints", CONSTRAINTS);
        for (int s = 0; total < placements; s++) {
            int replicas = (int) Math.min(1 + random.nextInt(16), placements - total);
            requests.add(PlacementRequest.builder("svc-" + s, replicas).driver("docker")
                    .milliCpus(CPUS[random.nextInt(CPUS.length)]).memory(MEMORY[random.nextInt(MEMORY.length)])
                    .constraints(constraints).build());
            total += replicas;
        }
        return requests;
    }
}
