package io.cluman.server.containers;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.model.validation.Validator;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.options.ContainerDefaults;
import io.cluman.server.options.DefaultsReport;
import io.cluman.store.repo.JsonRepository;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /v1/containers/defaults?cluster=&image=}: checks the query, then asks {@link ContainerDefaults}
 * with the cluster's nodes that could show the image's labels (on, with Docker, ACTIVE ones first).
 */
public final class DefaultsQuery {
    private final ContainerDefaults defaults;
    private final NodeRegistry nodes;
    private final JsonRepository<Cluster> clusters;

    public DefaultsQuery(ContainerDefaults defaults, NodeRegistry nodes, JsonRepository<Cluster> clusters) {
        this.defaults = defaults;
        this.nodes = nodes;
        this.clusters = clusters;
    }

    /**
     * @param cluster null or blank: {@code all}
     * @throws io.cluman.model.validation.ValidationException naming {@code image} or {@code cluster}
     */
    public DefaultsReport report(String cluster, String image) {
        String group = cluster == null || cluster.isBlank() ? Cluster.ALL : cluster.strip();
        Validator v = new Validator();
        v.check(image != null && !image.isBlank(), "image",
                "is required: the image reference, e.g. ?image=nginx:1.27");
        v.check(Cluster.isSystemGroup(group) || clusters.get(group).isPresent(), "cluster",
                "no cluster '" + group + "': see GET /v1/clusters");
        v.throwIfInvalid();
        List<Node> candidates = nodes.cachedAll().stream()
                .filter(n -> n.on() && n.facts().drivers().contains(DriverName.DOCKER.wireName()))
                .filter(n -> inGroup(n, group))
                .sorted(Comparator.comparing((Node n) -> n.state() != NodeState.ACTIVE).thenComparing(Node::name))
                .limit(3).toList();
        return defaults.report(group, image.strip(), candidates);
    }

    /** Whether {@code node} belongs to {@code group}: a cluster, {@code all} or {@code orphans}. */
    public static boolean inGroup(Node node, String group) {
        return Cluster.ALL.equals(group) || (Cluster.ORPHANS.equals(group) ? node.cluster() == null
                : group.equals(node.cluster()));
    }
}
