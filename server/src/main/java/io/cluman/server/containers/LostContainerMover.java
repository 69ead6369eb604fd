package io.cluman.server.containers;

import io.cluman.model.container.Container;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.leader.PassLoop;
import io.cluman.server.nodes.Ids;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.placement.Batch;
import io.cluman.server.placement.Outcome;
import io.cluman.server.placement.PlanApplier;
import io.cluman.server.services.ReplacementPolicy;
import io.cluman.server.services.StormGuard;
import io.cluman.store.KvStore;
import io.cluman.store.repo.JsonRepository;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Leader-only: places again the plain containers {@link LostContainers} picks (movable, node off past the lost
 * grace, no storm in their group). Each goes through the {@link PlanApplier} with its spec and group, as the same
 * container on another node with a new allocation and a PENDING status, in one compare-and-swap on the old
 * record's revision: the old node's assignments lose it, so its agent, when it returns, stops its copy. A
 * container that does not fit anywhere, and a group the storm guard holds, is announced once per reason.
 */
public final class LostContainerMover implements Controller {
    private final KvStore store;
    private final JsonRepository<Container> containers;
    private final NodeRegistry nodes;
    private final PlanApplier placement;
    private final EventBus events;
    private final Ids ids;
    private final InstantSource clock;
    private final ReplacementPolicy policy;
    private final Duration every;
    /** Container → why it was last not placed again, announced once per reason. */
    private final Map<String, String> unplaceable = new HashMap<>();
    /** Groups whose lost containers wait for the storm to pass, announced once. */
    private final Set<String> heldGroups = new HashSet<>();
    private PassLoop loop;

    public LostContainerMover(KvStore store, JsonRepository<Container> containers, NodeRegistry nodes,
                              PlanApplier placement, EventBus events, Ids ids, InstantSource clock,
                              ReplacementPolicy policy, Duration every) {
        this.store = store;
        this.containers = containers;
        this.nodes = nodes;
        this.placement = placement;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.policy = policy;
        this.every = every;
    }

    @Override
    public void start() {
        unplaceable.clear();
        heldGroups.clear();
        loop = PassLoop.start(store, containers.prefix(), every, "lost-containers", this::pass);
    }

    /** One pass over every container. */
    void pass() {
        Map<String, Node> byId = nodes.cachedAll().stream().collect(Collectors.toMap(Node::id, n -> n, (a, b) -> a));
        LostContainers.Decision decision = LostContainers.decide(containers.list(), byId, clock.instant(),
                policy.lostGrace(), group -> StormGuard.heldIn(group, byId.values(), policy.stormShare()));
        decision.held().forEach((group, why) -> {
            if (heldGroups.add(group)) {
                events.warn(Topic.LOG_DOCKER, Action.UPDATE, "cluster", group, why);
            }
        });
        heldGroups.retainAll(decision.held().keySet());
        Set<String> moving = decision.move().stream().map(Container::name).collect(Collectors.toSet());
        unplaceable.keySet().retainAll(moving);
        decision.move().forEach(c -> move(c, byId));
    }

    private void move(Container old, Map<String, Node> byId) {
        Batch batch = new Batch(ContainerOperations.requestFor(old.spec(), LostContainers.group(old), old.constraints()),
                Optional.empty(), Set.of(old.name()), Objects.hash(old.name(), old.generation()));
        Outcome outcome = placement.apply(batch, node -> old.placedAgain(node.id(), ids.next('a'), clock.instant()),
                Map.of(old.name(), old.revision()));
        String from = name(old.node(), byId);
        if (!outcome.written().isEmpty()) {
            unplaceable.remove(old.name());
            events.warn(Topic.LOG_DOCKER, Action.UPDATE, "container", old.name(), "container " + old.name()
                    + " was lost with node " + from + "; placed again on node "
                    + name(outcome.written().getFirst().node(), byId));
        } else if (!outcome.contended()) {
            String why = outcome.refusal().orElse("no node fits");
            if (!why.equals(unplaceable.put(old.name(), why))) {
                events.warn(Topic.LOG_DOCKER, Action.UPDATE, "container", old.name(), "container " + old.name()
                        + " was lost with node " + from + " and cannot be placed again now: " + why);
            }
        }
    }

    private static String name(String nodeId, Map<String, Node> byId) {
        return Optional.ofNullable(byId.get(nodeId)).map(Node::name).orElse(nodeId);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }
}
