package io.cluman.server.clusters;

import io.cluman.model.api.ClusterView;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.cluster.ClusterFeature;
import io.cluman.model.node.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Builds the API views of clusters and of the two system groups from one read of the nodes. Pure. */
final class ClusterViews {
    private ClusterViews() {
    }

    static List<ClusterView> all(Collection<Cluster> clusters, Collection<Node> nodes) {
        List<ClusterView> views = new ArrayList<>();
        views.add(system(Cluster.ALL, "every on-line node", nodes, Node::on));
        views.add(system(Cluster.ORPHANS, "every node in no cluster", nodes, n -> n.cluster() == null));
        for (Cluster c : clusters) {
            views.add(user(c, nodes));
        }
        return views;
    }

    static ClusterView system(String name, Collection<Node> nodes) {
        return Cluster.ALL.equals(name) ? system(Cluster.ALL, "every on-line node", nodes, Node::on)
                : system(Cluster.ORPHANS, "every node in no cluster", nodes, n -> n.cluster() == null);
    }

    static ClusterView user(Cluster cluster, Collection<Node> nodes) {
        return new ClusterView(cluster.name(), cluster.description(), cluster.features(), cluster.selector(), false,
                ids(nodes, n -> cluster.name().equals(n.cluster())), cluster.revision());
    }

    private static ClusterView system(String name, String description, Collection<Node> nodes, Predicate<Node> member) {
        return new ClusterView(name, description, Set.of(ClusterFeature.FORBID_NODE_ADDITION), Map.of(), true,
                ids(nodes, member), 0);
    }

    private static List<String> ids(Collection<Node> nodes, Predicate<Node> member) {
        return nodes.stream().filter(member).map(Node::id).sorted().toList();
    }
}
