package io.cluman.server.clusters;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.node.Membership;
import io.cluman.model.node.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides membership changes from a snapshot of clusters and nodes. Pure: snapshot in, changes out.
 *
 * <ul>
 *   <li>a node in a cluster that no longer exists becomes an orphan;
 *   <li>a node that joined by selector and no longer matches it becomes an orphan;
 *   <li>an orphan that matches a selector joins that cluster (the oldest cluster wins when several match).
 * </ul>
 * Explicit members stay where they are.
 */
final class MembershipReconciler {
    private MembershipReconciler() {
    }

    /** One change: {@code cluster} null makes the node an orphan. */
    record Change(String nodeId, String cluster, Membership membership) {
    }

    static List<Change> reconcile(Collection<Cluster> clusters, Collection<Node> nodes) {
        Map<String, Cluster> byName = byName(clusters);
        List<Cluster> selecting = selecting(clusters);
        List<Change> changes = new ArrayList<>();
        for (Node node : nodes) {
            Optional<Change> change = decide(node, byName, selecting);
            change.ifPresent(changes::add);
        }
        return changes;
    }

    /** The change for one node, decided again on its freshest record (used inside compare-and-swap). */
    static Optional<Change> decide(Node node, Collection<Cluster> clusters) {
        return decide(node, byName(clusters), selecting(clusters));
    }

    private static Map<String, Cluster> byName(Collection<Cluster> clusters) {
        return clusters.stream().collect(Collectors.toMap(Cluster::name, Function.identity()));
    }

    private static List<Cluster> selecting(Collection<Cluster> clusters) {
        return clusters.stream().filter(c -> !c.selector().isEmpty())
                .sorted(Comparator.comparing(Cluster::createdAt).thenComparing(Cluster::name)).toList();
    }

    private static Optional<Change> decide(Node node, Map<String, Cluster> byName, List<Cluster> selecting) {
        if (node.cluster() != null) {
            Cluster current = byName.get(node.cluster());
            boolean stale = current == null
                    || (node.membership() == Membership.SELECTOR && !current.selects(node.labels()));
            if (!stale) {
                return Optional.empty();
            }
        }
        Optional<Cluster> match = selecting.stream().filter(c -> c.selects(node.labels())).findFirst();
        if (match.isPresent()) {
            return match.get().name().equals(node.cluster()) ? Optional.empty()
                    : Optional.of(new Change(node.id(), match.get().name(), Membership.SELECTOR));
        }
        return node.cluster() == null ? Optional.empty() : Optional.of(new Change(node.id(), null, null));
    }
}
