package io.cluman.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes as one moment of the store saw them, indexed for the scheduler: ordered by id (so the order the
 * caller listed them in does not matter), each label and attribute key interned into a {@link Column}, and
 * which nodes have each driver. Immutable and safe to share between threads; a {@link Scheduler} keeps its
 * own working copy of the allocations.
 */
public final class Snapshot {
    private final List<NodeInfo> nodes;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<String, Column> columns;
    private final Map<String, boolean[]> driverNodes = new HashMap<>();

    private Snapshot(List<NodeInfo> sorted) {
        this.nodes = List.copyOf(sorted);
        for (int i = 0; i < nodes.size(); i++) {
            NodeInfo node = nodes.get(i);
            if (indexById.put(node.id(), i) != null) {
                throw new IllegalArgumentException("node " + node.id() + " is in the snapshot twice");
            }
            for (String driver : node.drivers()) {
                driverNodes.computeIfAbsent(driver, d -> new boolean[nodes.size()])[i] = true;
            }
        }
        this.columns = Column.build(nodes);
    }

    public static Snapshot of(Collection<NodeInfo> nodes) {
        List<NodeInfo> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparing(NodeInfo::id));
        return new Snapshot(sorted);
    }

    /** The nodes, ordered by id. */
    public List<NodeInfo> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public Optional<NodeInfo> node(String id) {
        Integer i = indexById.get(id);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    /**
     * This snapshot with {@code plan}'s replicas allocated, as the store will hold it once the plan is
     * committed. Nodes the plan names that are not here are ignored ({@link PlanChecker} reports them).
     */
    public Snapshot withPlan(Plan plan) {
        Map<String, Integer> replicas = plan.replicasPerNode();
        List<NodeInfo> next = new ArrayList<>(nodes.size());
        for (NodeInfo node : nodes) {
            int k = replicas.getOrDefault(node.id(), 0);
            next.add(k == 0 ? node : node.withAllocation(plan.milliCpus() * k, plan.memory() * k, plan.hostPorts()));
        }
        return new Snapshot(next);
    }

    int indexOf(String id) {
        return indexById.getOrDefault(id, -1);
    }

    NodeInfo at(int index) {
        return nodes.get(index);
    }

    /** The column of {@code key}, or null when no node has it. */
    Column column(String key) {
        return columns.get(key);
    }

    /** Which nodes have {@code driver}, by index; null when none has it. */
    boolean[] driverNodes(String driver) {
        return driverNodes.get(driver);
    }
}
