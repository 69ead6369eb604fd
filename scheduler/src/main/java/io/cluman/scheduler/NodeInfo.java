package io.cluman.scheduler;

import io.cluman.model.container.Container;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeLifecycle;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the scheduler knows of one node: the compact record a {@link Snapshot} is made of. Build it from the
 * model with {@link #from}; tests and benchmarks build it directly.
 *
 * <p>Constraints read a node's {@link #attributes()} first, then its {@link #labels()}: a label cannot
 * shadow an attribute. The attributes {@link #from} sets: {@code node.id}, {@code node.name},
 * {@code hostname}, {@code os}, {@code cluster} (absent for an orphan), {@code cpus}, {@code memory}
 * (bytes) and {@code driver.NAME=true} per driver.
 *
 * @param cluster         the node's cluster, empty for an orphan
 * @param takesPlacements its lifecycle state lets it take new placements (ACTIVE)
 * @param milliCpus       CPU capacity in thousandths of a core
 * @param memory          memory capacity in bytes
 * @param usedMilliCpus   CPU already allocated to containers on it
 * @param usedMemory      memory already allocated to containers on it
 * @param usedPorts       host ports already taken on it
 */
public record NodeInfo(String id, String name, boolean takesPlacements, boolean on, boolean healthy,
                       String cluster, Map<String, String> labels, Map<String, String> attributes,
                       Set<String> drivers, long milliCpus, long memory, long usedMilliCpus, long usedMemory,
                       Set<Integer> usedPorts) {
    public NodeInfo {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a node needs an id");
        }
        name = name == null ? id : name;
        cluster = cluster == null ? "" : cluster;
        labels = Map.copyOf(labels);
        attributes = Map.copyOf(attributes);
        drivers = Set.copyOf(drivers);
        usedPorts = Set.copyOf(usedPorts);
    }

    /**
     * The node as the scheduler sees it, with the resources of {@code containers} allocated: those whose
     * {@code node} is this node's id (others are ignored). Stopped containers count too: starting one again
     * needs no placement, so its resources stay reserved until it is removed.
     */
    public static NodeInfo from(Node node, Collection<Container> containers) {
        long cpus = 0;
        long memory = 0;
        TreeSet<Integer> ports = new TreeSet<>();
        for (Container c : containers) {
            if (node.id().equals(c.node())) {
                cpus += Math.round(c.spec().cpus() * 1000);
                memory += c.spec().memory();
                ports.addAll(HostPorts.of(c.spec().ports()));
            }
        }
        return new NodeInfo(node.id(), node.name(), NodeLifecycle.takesPlacements(node.state()), node.on(),
                node.healthy(), node.clusterName().orElse(""), node.labels(), attributes(node),
                Set.copyOf(node.facts().drivers()), node.facts().cpus() * 1000L, node.facts().memoryBytes(), cpus,
                memory, ports);
    }

    /** The value constraints read for {@code key}: the attribute, else the label, else null. */
    public String value(String key) {
        String attribute = attributes.get(key);
        return attribute != null ? attribute : labels.get(key);
    }

    /** This node with {@code milliCpus}, {@code bytes} and {@code ports} more allocated. */
    public NodeInfo withAllocation(long moreMilliCpus, long moreMemory, List<Integer> ports) {
        TreeSet<Integer> taken = new TreeSet<>(usedPorts);
        taken.addAll(ports);
        return new NodeInfo(id, name, takesPlacements, on, healthy, cluster, labels, attributes, drivers, milliCpus,
                memory, usedMilliCpus + moreMilliCpus, usedMemory + moreMemory, taken);
    }

    private static Map<String, String> attributes(Node node) {
        Map<String, String> a = new TreeMap<>();
        a.put("node.id", node.id());
        a.put("node.name", node.name());
        if (!node.facts().hostname().isEmpty()) {
            a.put("hostname", node.facts().hostname());
        }
        if (!node.facts().os().isEmpty()) {
            a.put("os", node.facts().os());
        }
        node.clusterName().ifPresent(c -> a.put("cluster", c));
        a.put("cpus", Integer.toString(node.facts().cpus()));
        a.put("memory", Long.toString(node.facts().memoryBytes()));
        for (String driver : node.facts().drivers()) {
            a.put("driver." + driver, "true");
        }
        return a;
    }
}
