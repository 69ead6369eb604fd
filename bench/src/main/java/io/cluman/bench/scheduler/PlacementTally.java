package io.cluman.bench.scheduler;

import io.cluman.scheduler.NodeInfo;
import io.cluman.scheduler.Plan;
import io.cluman.scheduler.Snapshot;
import io.cluman.scheduler.constraint.Constraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a run's plans after the fact, apart from the scheduler's own bookkeeping: adds every replica to its
 * node's CPU and memory, then counts the nodes over capacity and the replicas on nodes that break a
 * constraint or do not take placements.
 */
final class PlacementTally {
    private final Snapshot snapshot;
    private final List<Constraint> constraints;
    private final Map<String, long[]> used = new HashMap<>();
    private long replicas;
    private long misplaced;

    PlacementTally(Snapshot snapshot, List<Constraint> constraints) {
        this.snapshot = snapshot;
        this.constraints = constraints;
    }

    void add(Plan plan) {
        for (String id : plan.nodeIds()) {
            NodeInfo node = snapshot.node(id).orElseThrow();
            long[] u = used.computeIfAbsent(id, k -> new long[] {node.usedMilliCpus(), node.usedMemory()});
            u[0] += plan.milliCpus();
            u[1] += plan.memory();
            replicas++;
            boolean ok = node.on() && node.healthy() && node.takesPlacements()
                    && constraints.stream().allMatch(c -> c.test(node.value(c.key())));
            if (!ok) {
                misplaced++;
            }
        }
    }

    long replicas() {
        return replicas;
    }

    /** Replicas on a node that breaks a constraint or takes no placements. */
    long misplaced() {
        return misplaced;
    }

    /** Nodes whose CPU or memory ends above capacity. */
    long oversubscribed() {
        return used.entrySet().stream().filter(e -> {
            NodeInfo node = snapshot.node(e.getKey()).orElseThrow();
            return e.getValue()[0] > node.milliCpus() || e.getValue()[1] > node.memory();
        }).count();
    }

    /** Nodes that took at least one replica. */
    int nodesUsed() {
        return used.size();
    }

    /** The highest CPU utilisation any node reached, in per cent. */
    double fullestCpuPercent() {
        return used.entrySet().stream().mapToDouble(e -> 100.0 * e.getValue()[0]
                / snapshot.node(e.getKey()).orElseThrow().milliCpus()).max().orElse(0);
    }
}
