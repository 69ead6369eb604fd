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
import io.cluman.scheduler.HostPorts;
import io.cluman.scheduler.PlacementRequest;
import io.cluman.scheduler.Target;
import io.cluman.scheduler.constraint.ConstraintParser;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.Ids;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.options.ContainerDefaults;
import io.cluman.server.options.RequestLayer;
import io.cluman.server.placement.Batch;
import io.cluman.server.placement.Outcome;
import io.cluman.server.placement.PlanApplier;
import io.cluman.server.placement.ReplicaFactory;
import io.cluman.store.Compare;
import io.cluman.store.KvStore;
import io.cluman.store.Op;
import io.cluman.store.Txn;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.StoreJson;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the container endpoints do: validate, place on a node through the {@link PlanApplier} (the scheduler,
 * then a compare-and-swap commit), and write the desired state the node's agent converges to. A new container
 * and its PENDING status are written in one transaction.
 */
public final class ContainerOperations {
    /** Containers removed per transaction by {@link #deleteAll}: two deletes each, under etcd's 128 operations. */
    static final int DELETE_CHUNK = 64;

    private final KvStore store;
    private final JsonRepository<Container> containers;
    private final JsonRepository<ContainerStatus> statuses;
    private final JsonRepository<Cluster> clusters;
    private final NodeRegistry nodes;
    private final PlanApplier placement;
    private final EventBus events;
    private final Ids ids;
    private final InstantSource clock;
    private final ContainerDefaults defaults;

    public ContainerOperations(KvStore store, JsonRepository<Container> containers,
                               JsonRepository<ContainerStatus> statuses, JsonRepository<Cluster> clusters,
                               NodeRegistry nodes, PlanApplier placement, EventBus events, Ids ids, InstantSource clock,
                               ContainerDefaults defaults) {
        this.store = store;
        this.containers = containers;
        this.statuses = statuses;
        this.clusters = clusters;
        this.nodes = nodes;
        this.placement = placement;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.defaults = defaults;
    }

    /**
     * Places the container and merges its options (image labels, the cluster's defaults, the request), then
     * writes it through the {@link PlanApplier}; a node that fits the request but not the merged options (a
     * default's larger memory, say) refuses it with 409.
     *
     * @throws ApiError.Conflict when no node can take it (the scheduler's explanation says why), or the name
     *                           is taken
     */
    public ContainerView create(ContainerRequest request) {
        ContainerSpec requested = SpecBuilder.build(request);
        Optional<String> only = Optional.empty();
        String group = Cluster.ALL;
        if (request.node() != null) {
            only = Optional.of(nodes.read(request.node()).orElseThrow(() -> ValidationException.of("node",
                    "no node '" + request.node() + "': see GET /v1/nodes")).id());
        } else if (request.cluster() != null) {
            group = request.cluster();
            if (!Cluster.isSystemGroup(group) && clusters.get(group).isEmpty()) {
                throw ValidationException.of("cluster", "no cluster '" + group + "': see GET /v1/clusters");
            }
        }
        boolean movable = request.node() == null;
        List<String> constraints = request.constraints() == null ? List.of()
                : request.constraints().stream().map(String::strip).toList();
        Outcome outcome = apply(new Batch(requestFor(requested, group, constraints), only, Set.of(),
                requested.name().hashCode()), node -> record(request, requested, node, null, requested.name(),
                movable, constraints));
        if (outcome.refusal().isPresent()) {
            String why = outcome.refusal().get();
            if (outcome.contended()) {
                throw new ApiError.Unavailable("the container was not placed: " + why);
            }
            String field = only.isPresent() ? "node" : !constraints.isEmpty() && why.contains("constraint")
                    ? "constraints" : request.cluster() != null ? "cluster" : "node";
            String detail = only.isPresent() ? "node " + request.node() + " cannot take the container: " + why
                    : "no node can take the container: " + why;
            throw new ApiError.Conflict(detail, field, why);
        }
        return get(announce(outcome.written()).getFirst().name());
    }

    /**
     * Creates up to {@code request.replicas()} replicas of {@code service} in one batch (one snapshot, one
     * plan), each as {@link #create} would make it from {@code template.apply(name)}, named by {@code names}.
     * What did not fit is in the outcome's refusal.
     *
     * @param leaving replicas about to be replaced: they do not count for spread
     */
    public Outcome createReplicas(String service, PlacementRequest request, Set<String> leaving, long seed,
                                  Supplier<String> names, Function<String, ContainerRequest> template) {
        Outcome outcome = apply(new Batch(request, Optional.empty(), leaving, seed), node -> {
            ContainerRequest r = template.apply(names.get());
            return record(r, SpecBuilder.build(r), node, service, r.name(), false, List.of());
        });
        announce(outcome.written());
        return outcome;
    }

    /**
     * A placement request for {@code replicas} containers made from {@code template} (its container fields are
     * checked as {@link #create} checks them).
     *
     * @throws ValidationException when the template is not a valid container
     */
    public static PlacementRequest.Builder requestFor(ContainerRequest template, String service, String group,
                                                      int replicas) {
        return requestFor(SpecBuilder.build(template), service, group, replicas);
    }

    /**
     * A placement request for {@code replicas} containers like {@code spec} (driver, CPU, memory, host ports) in
     * {@code group} ({@code all}, {@code orphans} or a cluster); binpack ranking.
     */
    public static PlacementRequest.Builder requestFor(ContainerSpec spec, String service, String group,
                                                      int replicas) {
        return PlacementRequest.builder(service, replicas).cpus(spec.cpus()).memory(spec.memory())
                .driver(spec.driver().wireName()).hostPorts(HostPorts.of(spec.ports())).target(Target.of(group));
    }

    /**
     * The placement request of one plain container like {@code spec} in {@code group}, with its
     * {@code constraints} (checked when the container was written).
     */
    static PlacementRequest requestFor(ContainerSpec spec, String group, List<String> constraints) {
        return requestFor(spec, "", group, 1).constraints(ConstraintParser.parseAll("constraints", constraints))
                .build();
    }

    private Outcome apply(Batch batch, ReplicaFactory factory) {
        try {
            return placement.apply(batch, factory);
        } catch (PlanApplier.NameTaken e) {
            throw new ApiError.Conflict("container '" + e.name() + "' already exists", "name",
                    "is taken: pick another name, or remove the existing container first");
        }
    }

    /**
     * The record of a container placed on {@code node}, with the node's cluster defaults merged in.
     *
     * @param movable     whether it is placed again elsewhere when its node stays off (see {@link Container})
     * @param constraints enforced when it is placed again
     */
    private Container record(ContainerRequest request, ContainerSpec requested, Node node, String service,
                             String name, boolean movable, List<String> constraints) {
        String cluster = request.cluster() != null ? request.cluster() : node.clusterName().orElse(Cluster.ORPHANS);
        ContainerSpec spec = RequestLayer.apply(requested, defaults.merge(cluster, node, request, requested).values());
        return new Container(name, spec, node.id(), request.cluster(), service, ids.next('a'), 1,
                DesiredState.RUNNING, clock.instant(), 0, movable, constraints);
    }

    private List<Container> announce(List<Container> written) {
        for (Container c : written) {
            String node = nodes.cached(c.node()).map(Node::name).orElse(c.node());
            events.info(Topic.LOG_DOCKER, Action.CREATE, "container", c.name(), "container " + c.name()
                    + " (" + c.spec().driver().wireName() + ") placed on node " + node);
        }
        return written;
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

    /**
     * Removes {@code known} containers (records as read, with their revisions) in a few transactions instead of
     * one each, so their agents learn of the removals at once (a scale-down of 90 replicas: 2 writes, not 90).
     * A chunk one of whose records changed since it was read is removed one container at a time.
     *
     * @return the names of the containers that are not removed (changed meanwhile, or gone already)
     */
    public List<String> deleteAll(List<Container> known) {
        List<String> left = new ArrayList<>();
        List<Container> removed = new ArrayList<>();
        for (int from = 0; from < known.size(); from += DELETE_CHUNK) {
            List<Container> chunk = known.subList(from, Math.min(known.size(), from + DELETE_CHUNK));
            List<Compare> compares = new ArrayList<>();
            List<Op> ops = new ArrayList<>();
            for (Container c : chunk) {
                compares.add(Compare.modRevision(containers.key(c.name()), c.revision()));
                ops.add(Op.delete(containers.key(c.name())));
                ops.add(Op.delete(statuses.key(c.name())));
            }
            if (store.txn(Txn.when(compares, ops, List.of())).succeeded()) {
                removed.addAll(chunk);
                continue;
            }
            for (Container c : chunk) {
                try {
                    delete(c.name());
                } catch (ApiError e) {
                    left.add(c.name());
                }
            }
        }
        // announced once every chunk is written: each event is a write of its own
        removed.forEach(c -> events.info(Topic.LOG_DOCKER, Action.DELETE, "container", c.name(),
                "container " + c.name() + " removed"));
        return left;
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
