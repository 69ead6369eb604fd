package io.cluman.server.clusters;

import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ClusterView;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.cluster.ClusterFeature;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Membership;
import io.cluman.model.node.Node;
import io.cluman.model.validation.Validator;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/**
 * What the cluster endpoints do: validate, then write with compare-and-swap. Membership is kept on the
 * node record, so "a node is in at most one cluster" holds by construction.
 */
public final class ClusterOperations {
    private final JsonRepository<Cluster> clusters;
    private final NodeRegistry nodes;
    private final EventBus events;
    private final InstantSource clock;

    public ClusterOperations(JsonRepository<Cluster> clusters, NodeRegistry nodes, EventBus events,
                             InstantSource clock) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.events = events;
        this.clock = clock;
    }

    public List<ClusterView> list() {
        return ClusterViews.all(clusters.list(), nodes.readAll());
    }

    public ClusterView get(String name) {
        if (Cluster.isSystemGroup(name)) {
            return ClusterViews.system(name, nodes.readAll());
        }
        return ClusterViews.user(find(name), nodes.readAll());
    }

    public ClusterView create(ClusterRequest request) {
        Validator v = new Validator().dnsLabel("name", request.name()).labels("selector", request.selector());
        v.check(!Cluster.isSystemGroup(request.name()), "name", "'" + request.name()
                + "' is a system group; pick another name");
        v.check(request.features() == null || !request.features().contains(ClusterFeature.FORBID_NODE_ADDITION),
                "features", "FORBID_NODE_ADDITION is reserved for system groups");
        v.throwIfInvalid();
        Cluster cluster = new Cluster(request.name(), request.description(), request.features(), request.selector(),
                clock.instant(), 0);
        try {
            cluster = clusters.create(request.name(), cluster);
        } catch (StoreException.Conflict e) {
            throw new ApiError.Conflict("cluster '" + request.name() + "' already exists", "name",
                    "is taken: pick another name or change the existing cluster with PATCH");
        }
        events.info(Topic.LOG_NODES_GROUP, Action.CREATE, "cluster", cluster.name(), "cluster " + cluster.name()
                + " created");
        return ClusterViews.user(cluster, nodes.readAll());
    }

    public ClusterView patch(String name, ClusterRequest request) {
        refuseSystem(name);
        Validator v = new Validator().labels("selector", request.selector());
        v.check(request.name() == null || request.name().equals(name), "name", "a cluster cannot be renamed");
        v.check(request.features() == null || !request.features().contains(ClusterFeature.FORBID_NODE_ADDITION),
                "features", "FORBID_NODE_ADDITION is reserved for system groups");
        v.throwIfInvalid();
        find(name);
        Cluster updated = clusters.update(name, c -> c.with(
                request.description() != null ? request.description() : c.description(),
                request.features() != null ? request.features() : c.features(),
                request.selector() != null ? request.selector() : c.selector()));
        events.info(Topic.LOG_NODES_GROUP, Action.UPDATE, "cluster", name, "cluster " + name + " changed");
        return ClusterViews.user(updated, nodes.readAll());
    }

    /** Deletes a cluster; its nodes become orphans. */
    public void delete(String name) {
        refuseSystem(name);
        Cluster cluster = find(name);
        if (!clusters.delete(name, cluster.revision())) {
            throw new ApiError.Conflict("cluster '" + name + "' changed while being deleted; try again");
        }
        for (Node n : nodes.readAll()) {
            if (name.equals(n.cluster())) {
                nodes.update(n.id(), m -> name.equals(m.cluster()) ? m.withCluster(null, null) : m);
            }
        }
        events.info(Topic.LOG_NODES_GROUP, Action.DELETE, "cluster", name, "cluster " + name + " deleted");
    }

    public ClusterView addNode(String name, String nodeId) {
        refuseSystem(name);
        find(name);
        Node node = nodes.read(nodeId).orElseThrow(() -> new ApiError.NotFound("node", nodeId));
        if (node.cluster() != null && !node.cluster().equals(name)) {
            throw new ApiError.Conflict("node " + nodeId + " is already in cluster '" + node.cluster()
                    + "'; a node is in at most one cluster: remove it from there first", "nodeId", "is in another cluster");
        }
        nodes.update(nodeId, n -> {
            if (n.cluster() != null && !n.cluster().equals(name)) {
                throw new ApiError.Conflict("node " + nodeId + " joined cluster '" + n.cluster() + "' meanwhile");
            }
            return name.equals(n.cluster()) && n.membership() == Membership.EXPLICIT ? n
                    : n.withCluster(name, Membership.EXPLICIT);
        });
        events.info(Topic.LOG_NODES_GROUP, Action.UPDATE, "cluster", name, "node " + nodeId + " added to " + name);
        return get(name);
    }

    public ClusterView removeNode(String name, String nodeId) {
        refuseSystem(name);
        find(name);
        Node node = nodes.read(nodeId).orElseThrow(() -> new ApiError.NotFound("node", nodeId));
        if (!name.equals(node.cluster())) {
            throw new ApiError.Conflict("node " + nodeId + " is not in cluster '" + name + "'");
        }
        nodes.update(nodeId, n -> name.equals(n.cluster()) ? n.withCluster(null, null) : n);
        events.info(Topic.LOG_NODES_GROUP, Action.UPDATE, "cluster", name, "node " + nodeId + " removed from " + name);
        return get(name);
    }

    private Cluster find(String name) {
        return clusters.get(name).orElseThrow(() -> new ApiError.NotFound("cluster", name));
    }

    private static void refuseSystem(String name) {
        if (Cluster.isSystemGroup(name)) {
            throw new ApiError.Conflict("'" + name + "' is a system group and is read-only (FORBID_NODE_ADDITION)",
                    "name", "system groups " + Set.of(Cluster.ALL, Cluster.ORPHANS) + " cannot be changed");
        }
    }
}
