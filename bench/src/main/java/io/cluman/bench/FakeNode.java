package io.cluman.bench;

import io.cluman.model.node.Disk;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The plausible but fake machine one simulated agent reports: fixed facts (so heartbeats write nothing
 * to the store, as on a real quiet fleet) and metrics that wander a little on every heartbeat, always
 * healthy (plenty of free disk, the process driver answers). Not thread-safe: one per agent.
 */
final class FakeNode {
    private static final long GIB = 1L << 30;
    private static final Map<String, DriverHealth> DRIVERS = Map.of("process", new DriverHealth(true, ""));

    private final RandomGenerator random;
    private final NodeFacts facts;
    private final long diskTotal;
    private long netRx;
    private long netTx;

    FakeNode(int index, RandomGenerator random) {
        this.random = random;
        this.diskTotal = (100 + random.nextInt(900)) * GIB;
        String name = name(index);
        int cpus = 2 << random.nextInt(5);
        this.facts = new NodeFacts(name, List.of("10." + (index >> 16 & 255) + "." + (index >> 8 & 255) + "."
                + (index & 255)), cpus, cpus * 4L * GIB, List.of(new Disk("/", diskTotal)),
                "Linux 6.1.0-bench amd64", "0.1.0-bench", List.of("process"));
    }

    /** {@code sim-00001} for index 1. */
    static String name(int index) {
        return String.format("sim-%05d", index);
    }

    NodeFacts facts() {
        return facts;
    }

    Map<String, DriverHealth> drivers() {
        return DRIVERS;
    }

    NodeMetrics metrics(Instant at) {
        netRx += random.nextLong(1 << 20);
        netTx += random.nextLong(1 << 20);
        double load = random.nextDouble() * facts.cpus();
        long memTotal = facts.memoryBytes();
        return new NodeMetrics(at, random.nextDouble() * 100, (long) (memTotal * (0.2 + 0.6 * random.nextDouble())),
                memTotal, diskTotal / 2 + random.nextLong(GIB), diskTotal, load, load * 0.9, load * 0.8, netRx, netTx);
    }
}
