package io.cluman.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-checks a plan against a newer snapshot, just before the server commits it: plans are computed on a
 * snapshot that other plans may have changed since, and two plans computed on the same snapshot must never
 * oversubscribe a node together. Checked per node the plan uses:
 * <ul>
 *   <li>it still exists, is on, healthy and ACTIVE;</li>
 *   <li>its allocated CPU and memory plus the plan's replicas there stay within its capacity;</li>
 *   <li>none of the plan's host ports is taken there, and the plan puts at most one replica with host ports
 *       on it.</li>
 * </ul>
 * Constraints and preferences are not re-checked: they held on the snapshot the plan was made from, and a
 * label changing meanwhile does not make a placement unsafe (the lead's reconcilers handle such drift).
 * Pure; the server calls it with its latest state and commits with compare-and-swap on the nodes' revisions
 * when it fits, or schedules again when it does not.
 */
public final class PlanChecker {
    private PlanChecker() {
    }

    public static PlanCheck check(Plan plan, Snapshot latest) {
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : plan.replicasPerNode().entrySet()) {
            String id = e.getKey();
            int k = e.getValue();
            latest.node(id).ifPresentOrElse(node -> checkNode(plan, node, k, conflicts),
                    () -> conflicts.add("node " + id + ": not in the snapshot"));
        }
        return new PlanCheck(conflicts);
    }

    private static void checkNode(Plan plan, NodeInfo node, int k, List<String> conflicts) {
        String at = "node " + node.id() + ": ";
        if (!node.on() || !node.healthy() || !node.takesPlacements()) {
            conflicts.add(at + "no longer takes placements (on=" + node.on() + ", healthy=" + node.healthy()
                    + ", active=" + node.takesPlacements() + ")");
        }
        long cpu = plan.milliCpus() * k;
        if (!Allocations.fits(node.usedMilliCpus(), cpu, node.milliCpus())) {
            conflicts.add(at + "out of cpu (needs " + cpu + " millicpus more, "
                    + (node.milliCpus() - node.usedMilliCpus()) + " free)");
        }
        long memory = plan.memory() * k;
        if (!Allocations.fits(node.usedMemory(), memory, node.memory())) {
            conflicts.add(at + "out of memory (needs " + memory + " bytes more, "
                    + (node.memory() - node.usedMemory()) + " free)");
        }
        if (!plan.hostPorts().isEmpty() && k > 1) {
            conflicts.add(at + k + " replicas want the same host ports " + plan.hostPorts());
        }
        for (int port : plan.hostPorts()) {
            if (node.usedPorts().contains(port)) {
                conflicts.add(at + "port " + port + " taken");
            }
        }
    }
}
