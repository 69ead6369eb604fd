package io.cluman.scheduler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where new replicas go: one node per replica, in order (a node appears more than once when it takes several).
 * It carries what each replica needs, so {@link PlanChecker} can re-check it against a newer snapshot.
 *
 * @param nodeIds   the node of each new replica
 * @param milliCpus CPU per replica
 * @param memory    memory per replica
 * @param hostPorts host ports per replica
 */
public record Plan(String service, List<String> nodeIds, long milliCpus, long memory, List<Integer> hostPorts) {
    public Plan {
        nodeIds = List.copyOf(nodeIds);
        hostPorts = List.copyOf(hostPorts);
    }

    /** How many replicas it places. */
    public int size() {
        return nodeIds.size();
    }

    /** How many replicas each node takes, by node id. */
    public Map<String, Integer> replicasPerNode() {
        Map<String, Integer> perNode = new TreeMap<>();
        for (String id : nodeIds) {
            perNode.merge(id, 1, Integer::sum);
        }
        return perNode;
    }
}
