package io.cluman.server.services;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.model.service.Service;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.leader.PassLoop;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.KvStore;
import io.cluman.store.repo.JsonRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader-only: keeps every service at its replica count. A pass runs every {@code every} and at once when
 * a service changes. It reads the containers (from the store, so a replica it placed a moment ago always
 * counts), then the services, asks {@link ServiceReconciler} what each needs and has
 * {@link ReplicaWriter} do it. While a deployment runs, or a replica sits on a draining node, the
 * {@link DeploymentWriter} moves the service instead (surge first, see {@link DeploymentPlanner}). Containers of a service that is gone are removed (reading containers
 * before services makes that safe: a replica is never written before its service).
 *
 * <p>One thread runs the passes; the store watch only wakes it.
 */
public final class ServiceController implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceController.class);

    private final KvStore store;
    private final JsonRepository<Service> services;
    private final JsonRepository<Container> containers;
    private final JsonRepository<ContainerStatus> statuses;
    private final DeploymentWriter deployments;
    private final DeploymentJobs deploymentJobs;
    private final NodeRegistry nodes;
    private final ReplicaWriter writer;
    private final EventBus events;
    private final InstantSource clock;
    private final ReplacementPolicy policy;
    private final Duration every;
    /** Groups whose re-placement is held, announced once each until it clears. */
    private final Set<String> heldGroups = new HashSet<>();
    private PassLoop loop;

    public ServiceController(KvStore store, JsonRepository<Service> services, JsonRepository<Container> containers,
                             JsonRepository<ContainerStatus> statuses, NodeRegistry nodes, ReplicaWriter writer,
                             DeploymentJobs deploymentJobs, EventBus events, InstantSource clock,
                             ReplacementPolicy policy, Duration every) {
        this.store = store;
        this.services = services;
        this.containers = containers;
        this.statuses = statuses;
        this.deployments = new DeploymentWriter(services, writer, events);
        this.deploymentJobs = deploymentJobs;
        this.nodes = nodes;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.policy = policy;
        this.every = every;
    }

    @Override
    public void start() {
        heldGroups.clear();
        loop = PassLoop.start(store, services.prefix(), every, "services", this::pass);
    }

    /** One pass over every service. Package-visible for tests. */
    void pass() {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        List<Container> all = containers.list();
        List<Service> list = services.list();
        Map<String, ContainerStatus> byAlloc = statuses.list().stream().filter(st -> st.allocId() != null)
                .collect(Collectors.toMap(ContainerStatus::allocId, st -> st, (a, b) -> a));
        Map<String, Node> byId = nodes.cachedAll().stream().collect(Collectors.toMap(Node::id, n -> n, (a, b) -> a));
        Set<String> names = list.stream().map(Service::name).collect(Collectors.toSet());
        Map<String, List<Container>> byService = new HashMap<>();
        List<Container> orphaned = new ArrayList<>();
        for (Container c : all) {
            if (c.service() == null) {
                continue;
            }
            if (names.contains(c.service())) {
                byService.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(c);
            } else {
                orphaned.add(c);
            }
        }
        writer.removeAll(orphaned, "their service is gone");
        Set<String> taken = all.stream().map(Container::name).collect(Collectors.toCollection(HashSet::new));
        Map<String, Optional<String>> storms = new HashMap<>();
        Function<String, Optional<String>> storm = group -> storms.computeIfAbsent(group, g -> StormGuard.heldIn(g,
                byId.values(), policy.stormShare()));
        Set<String> stillHeld = new HashSet<>();
        for (Service s : list) {
            String group = s.cluster() == null ? Cluster.ALL : s.cluster();
            List<Container> replicas = byService.getOrDefault(s.name(), List.of());
            if (deployments.step(s, replicas, byId, byAlloc, now, taken)) {
                continue;
            }
            ServiceReconciler.Plan plan = ServiceReconciler.plan(s.replicas(), replicas.stream()
                    .map(c -> replica(c, byId)).toList(), now, policy.lostGrace(), storm.apply(group).orElse(null));
            if (plan.held() != null) {
                stillHeld.add(group);
                announceHeld(group, plan.held());
            }
            writer.apply(s, plan, replicas, taken);
            markHeld(s, plan.held());
            deployments.markWaiting(s, writer.unplaceable(s.name()).orElse(null));
        }
        deployments.retain(taken);
        list.forEach(deploymentJobs::sync);
        deploymentJobs.retain(list);
        for (String group : new ArrayList<>(heldGroups)) {
            if (!stillHeld.contains(group)) {
                heldGroups.remove(group);
                events.info(Topic.SERVICE, Action.UPDATE, "cluster", group,
                        "re-placement of lost replicas in " + group + " resumes");
            }
        }
        LOG.debug("pass over {} service(s) took {} ms", list.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static ServiceReconciler.Replica replica(Container c, Map<String, Node> byId) {
        Node node = byId.get(c.node());
        Instant offSince = node == null ? Instant.EPOCH : node.on() ? null
                : node.lastSeen() == null ? Instant.EPOCH : node.lastSeen();
        return new ServiceReconciler.Replica(c.name(), c.node(), c.createdAt(), offSince);
    }

    private void announceHeld(String group, String why) {
        if (heldGroups.add(group)) {
            events.publish(Topic.SERVICE, Action.UPDATE, Severity.ERROR, "cluster", group, why,
                    Map.of());
        }
    }

    private void markHeld(Service s, String held) {
        if (Objects.equals(s.held(), held)) {
            return;
        }
        try {
            services.update(s.name(), current -> Objects.equals(current.held(), held) ? current
                    : current.withHeld(held));
        } catch (RuntimeException e) {
            LOG.debug("held mark of service {} not written now: {}", s.name(), e.toString());
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }
}
