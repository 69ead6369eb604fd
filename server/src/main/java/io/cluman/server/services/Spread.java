package io.cluman.server.services;

import io.cluman.model.node.Node;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How a service's next replica is spread: nodes with fewer of its replicas first; with a spread label,
 * first the label values (zones, racks) with fewer of its replicas, then the nodes. Nodes without the
 * label count as one value of their own. Pure.
 */
final class Spread {
    /** Weighs one replica in the node's label value above any number of replicas on one node. */
    private static final int DOMAIN_WEIGHT = 1 << 16;

    private Spread() {
    }

    /**
     * The rank of each node for the next replica, lower is better.
     *
     * @param label        the spread label, or null
     * @param replicaNodes the node ids of the service's replicas (one entry per replica)
     * @param nodes        the nodes, to read labels of the replicas' nodes
     */
    static ToIntFunction<Node> rank(String label, Collection<String> replicaNodes, Collection<Node> nodes) {
        Map<String, Integer> perNode = new HashMap<>();
        replicaNodes.forEach(id -> perNode.merge(id, 1, Integer::sum));
        if (label == null) {
            return n -> perNode.getOrDefault(n.id(), 0);
        }
        Map<String, Integer> perValue = new HashMap<>();
        for (Node n : nodes) {
            int count = perNode.getOrDefault(n.id(), 0);
            if (count > 0) {
                perValue.merge(n.labels().getOrDefault(label, ""), count, Integer::sum);
            }
        }
        return n -> perValue.getOrDefault(n.labels().getOrDefault(label, ""), 0) * DOMAIN_WEIGHT
                + perNode.getOrDefault(n.id(), 0);
    }
}
