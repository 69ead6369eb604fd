package io.cluman.scheduler;

import java.util.Map;
import java.util.Set;

/** Nodes for tests: ACTIVE, on, healthy, with the docker driver unless a test says otherwise. */
final class TestNodes {
    static final long GIB = 1L << 30;

    private TestNodes() {
    }

    /** An ACTIVE docker node of {@code cores} and {@code gib} with nothing allocated. */
    static NodeInfo node(String id, Map<String, String> labels, int cores, int gib) {
        return new NodeInfo(id, id, true, true, true, "", labels, Map.of("node.name", id), Set.of("docker"),
                cores * 1000L, gib * GIB, 0, 0, Set.of());
    }

    static NodeInfo used(NodeInfo n, long milliCpus, long memory) {
        return n.withAllocation(milliCpus, memory, java.util.List.of());
    }

    static NodeInfo inactive(NodeInfo n) {
        return new NodeInfo(n.id(), n.name(), false, n.on(), n.healthy(), n.cluster(), n.labels(), n.attributes(),
                n.drivers(), n.milliCpus(), n.memory(), n.usedMilliCpus(), n.usedMemory(), n.usedPorts());
    }

    static NodeInfo inCluster(NodeInfo n, String cluster) {
        return new NodeInfo(n.id(), n.name(), n.takesPlacements(), n.on(), n.healthy(), cluster, n.labels(),
                n.attributes(), n.drivers(), n.milliCpus(), n.memory(), n.usedMilliCpus(), n.usedMemory(),
                n.usedPorts());
    }
}
