package io.cluman.server.containers;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.DesiredState;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.Ids;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.options.ContainerDefaults;
import io.cluman.server.options.RequestLayer;
import io.cluman.store.Compare;
import io.cluman.store.KvStore;
import io.cluman.store.Op;
import io.cluman.store.Txn;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.StoreJson;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * What the container endpoints do: validate, place on a node, and write the desired state the node's
 * agent converges to. A new container and its PENDING status are written in one transaction.
 */
public final class ContainerOperations {
    private final KvStore store;
    private final JsonRepository<Container> containers;
    private final JsonRepository<ContainerStatus> statuses;
    private final JsonRepository<Cluster> clusters;
    private final NodeRegistry nodes;
    private final AssignmentFeed feed;
    private final EventBus events;
    private final Ids ids;
    private final InstantSource clock;
    private final ContainerDefaults defaults;

    public ContainerOperations(KvStore store, JsonRepository<Container> containers,
                               JsonRepository<ContainerStatus> statuses, JsonRepository<Cluster> clusters,
                               NodeRegistry nodes, AssignmentFeed feed, EventBus events, Ids ids, InstantSource clock,
                               ContainerDefaults defaults) {
        this.store = store;
        this.containers = containers;
        this.statuses = statuses;
        this.clusters = clusters;
        this.nodes = nodes;
        this.feed = feed;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.defaults = defaults;
    }

    /**
     * Places the container and merges its options (image labels, the cluster's defaults, the request), then
     * writes it; a node that fits the request but not the merged options (a default's larger memory, say)
     * refuses it with 409.
     */
    public ContainerView create(ContainerRequest request) {
        return get(write(request, null, n -> 0, List.of()).name());
    }

    /**
     * Creates one replica of {@code service} as {@link #create} would, preferring the nodes of lowest
     * {@code rank} (those without a replica of the service yet). {@code justPlaced} are containers written
     * moments ago that the assignment feed may not show yet: they count on their nodes (load, ports).
     *
     * @throws ApiError.Conflict when no node can take it (the message says why)
     */
    public Container createReplica(ContainerRequest request, String service, ToIntFunction<Node> rank,
                                   Collection<Container> justPlaced) {
        return write(request, service, rank, justPlaced);
    }

    private Container write(ContainerRequest request, String service, ToIntFunction<Node> rank,
                            Collection<Container> justPlaced) {
        ContainerSpec requested = SpecBuilder.build(request);
        Collection<Container> placed = placed(justPlaced);
        Node node = place(requested, request, rank, placed);
        String cluster = request.cluster() != null ? request.cluster()
                : node.clusterName().orElse(Cluster.ORPHANS);
        ContainerSpec spec = RequestLayer.apply(requested,
                defaults.merge(cluster, node, request, requested).values());
        if (!spec.equals(requested)) {
            requireFits(spec, node, placed);
        }
        String allocId = ids.next('a');
        Container container = new Container(spec.name(), spec, node.id(), request.cluster(), service, allocId, 1,
                DesiredState.RUNNING, clock.instant(), 0);
        ContainerStatus pending = ContainerStatus.pending(allocId, node.id(), clock.instant());
        boolean created = store.txn(Txn.when(List.of(Compare.absent(containers.key(spec.name()))),
                List.of(Op.put(containers.key(spec.name()), StoreJson.write(container)),
                        Op.put(statuses.key(spec.name()), StoreJson.write(pending))), List.of())).succeeded();
        if (!created) {
            throw new ApiError.Conflict("container '" + spec.name() + "' already exists", "name",
                    "is taken: pick another name, or remove the existing container first");
        }
        events.info(Topic.LOG_DOCKER, Action.CREATE, "container", spec.name(), "container " + spec.name()
                + " (" + spec.driver().wireName() + ") placed on node " + node.name());
        return container;
    }

    /** Every container the feed knows, and those of {@code justPlaced} it does not show yet. */
    private Collection<Container> placed(Collection<Container> justPlaced) {
        Collection<Container> all = feed.all();
        if (justPlaced.isEmpty()) {
            return all;
        }
        Map<String, Container> byName = new HashMap<>();
        justPlaced.forEach(c -> byName.put(c.name(), c));
        all.forEach(c -> byName.put(c.name(), c));
        return byName.values();
    }

    private Node place(ContainerSpec spec, ContainerRequest request, ToIntFunction<Node> rank,
                       Collection<Container> placed) {
        if (request.node() != null) {
            Node node = nodes.read(request.node()).orElseThrow(() -> ValidationException.of("node",
                    "no node '" + request.node() + "': see GET /v1/nodes"));
            requireFits(spec, node, placed);
            return node;
        }
        Predicate<Node> inCluster = n -> true;
        if (request.cluster() != null) {
            String name = request.cluster();
            if (!Cluster.isSystemGroup(name) && clusters.get(name).isEmpty()) {
                throw ValidationException.of("cluster", "no cluster '" + name + "': see GET /v1/clusters");
            }
            inCluster = n -> DefaultsQuery.inGroup(n, name);
        }
        NodePicker.Pick pick = NodePicker.pick(spec, nodes.readAll().stream().filter(inCluster).toList(), placed,
                rank);
        return pick.node().orElseThrow(() -> new ApiError.Conflict("no node can take the container: "
                + pick.explanation(), request.cluster() != null ? "cluster" : "node", pick.explanation()));
    }

    private void requireFits(ContainerSpec spec, Node node, Collection<Container> placed) {
        List<Container> onNode = placed.stream().filter(c -> c.node().equals(node.id())).toList();
        Optional<String> refusal = NodePicker.refusal(spec, node, onNode);
        if (refusal.isPresent()) {
            throw new ApiError.Conflict("node " + node.name() + " cannot take the container: it is "
                    + refusal.get(), "node", "is " + refusal.get());
        }
    }

    public List<ContainerView> list(Predicate<ContainerView> filter) {
        return containers.list().stream().map(this::view).filter(filter)
                .sorted(Comparator.comparing(ContainerView::name)).toList();
    }

    public ContainerView get(String name) {
        return view(find(name));
    }

    public ContainerView start(String name) {
        return change(name, c -> c.desired() == DesiredState.RUNNING ? c : c.withDesired(DesiredState.RUNNING),
                Action.START, "start requested");
    }

    public ContainerView stop(String name) {
        return change(name, c -> c.desired() == DesiredState.STOPPED ? c : c.withDesired(DesiredState.STOPPED),
                Action.STOP, "stop requested");
    }

    public ContainerView restart(String name) {
        return change(name, Container::restarted, Action.UPDATE, "restart requested");
    }

    /** Removes the container; its agent sees it gone from its assignments and stops and removes it. */
    public void delete(String name) {
        Container c = find(name);
        boolean deleted = store.txn(Txn.when(List.of(Compare.modRevision(containers.key(name), c.revision())),
                List.of(Op.delete(containers.key(name)), Op.delete(statuses.key(name))), List.of())).succeeded();
        if (!deleted) {
            throw new ApiError.Conflict("container '" + name + "' changed while being removed; try again");
        }
        events.info(Topic.LOG_DOCKER, Action.DELETE, "container", name, "container " + name + " removed");
    }

    private ContainerView change(String name, UnaryOperator<Container> how, Action action, String message) {
        find(name);
        containers.update(name, how);
        events.info(Topic.LOG_DOCKER, action, "container", name, "container " + name + ": " + message);
        return get(name);
    }

    private Container find(String name) {
        return containers.get(name).orElseThrow(() -> new ApiError.NotFound("container", name));
    }

    private ContainerView view(Container c) {
        Optional<ContainerStatus> status = statuses.get(c.name()).filter(s -> s.allocId().equals(c.allocId()));
        return ContainerViews.of(c, status);
    }
}
