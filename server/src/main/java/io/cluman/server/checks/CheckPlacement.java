package io.cluman.server.checks;

import io.cluman.model.check.Check;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeLifecycle;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where checks go. A check stays on its node while that node may run it (ACTIVE, on, healthy, in the check's
 * cluster); a check without one (new, or its node went off, unhealthy, out of service or left the cluster) goes
 * to the node of its cluster that runs the fewest checks (ties: the smaller id), or stays dangling when there is
 * none. Running checks are never moved to even out counts: a move is a gap in the check's results. Pure.
 */
final class CheckPlacement {
    private CheckPlacement() {
    }

    /** Whether {@code node} may run a check of {@code cluster}. */
    static boolean mayRun(Node node, String cluster) {
        boolean member = Cluster.ALL.equals(cluster)
                || (Cluster.ORPHANS.equals(cluster) ? node.clusterName().isEmpty()
                : node.clusterName().filter(cluster::equals).isPresent());
        return member && node.on() && node.healthy() && NodeLifecycle.takesPlacements(node.state());
    }

    /**
     * The checks whose node changes: check name → new node id, or an empty optional to make it dangling. Checks
     * that stay where they are are absent.
     */
    static Map<String, Optional<String>> moves(List<Check> checks, Collection<Node> nodes) {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Map<String, Integer> load = new HashMap<>();
        List<Check> sorted = checks.stream().sorted(Comparator.comparing(Check::name)).toList();
        for (Check c : sorted) {
            if (stays(c, byId)) {
                load.merge(c.node(), 1, Integer::sum);
            }
        }
        Map<String, Optional<String>> moves = new LinkedHashMap<>();
        for (Check c : sorted) {
            if (stays(c, byId)) {
                continue;
            }
            Optional<Node> target = nodes.stream().filter(n -> mayRun(n, c.cluster()))
                    .min(Comparator.comparingInt((Node n) -> load.getOrDefault(n.id(), 0)).thenComparing(Node::id));
            target.ifPresent(n -> load.merge(n.id(), 1, Integer::sum));
            Optional<String> to = target.map(Node::id);
            if (!to.equals(Optional.ofNullable(c.node()))) {
                moves.put(c.name(), to);
            }
        }
        return moves;
    }

    private static boolean stays(Check c, Map<String, Node> byId) {
        Node node = c.node() == null ? null : byId.get(c.node());
        return node != null && mayRun(node, c.cluster());
    }
}
