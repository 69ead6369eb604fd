package io.cluman.server.services;

import io.cluman.model.container.Container;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.model.service.Service;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.api.ApiError;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.events.EventBus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a service's {@link ServiceReconciler.Plan} through {@link ContainerOperations}: places new
 * replicas (spread: nodes without one of the service's replicas first), replaces lost ones — the new replica
 * is written before the lost record is removed, so the count never dips and the returning agent, finding its
 * allocation gone, stops its copy — and removes the excess. Used by the controller's one thread.
 */
public final class ReplicaWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWriter.class);

    private final ContainerOperations containers;
    private final EventBus events;
    private final ReplicaNames names;
    /** The last reason each service could not place a replica, so it is announced once, not every pass. */
    private final Map<String, String> unplaceable = new ConcurrentHashMap<>();

    public ReplicaWriter(ContainerOperations containers, EventBus events, RandomGenerator random) {
        this.containers = containers;
        this.events = events;
        this.names = new ReplicaNames(random);
    }

    /**
     * @param replicas the service's containers now
     * @param nodes    every node
     * @param taken    every container name; names of new replicas are added
     */
    void apply(Service s, ServiceReconciler.Plan plan, List<Container> replicas, Collection<Node> nodes,
               Set<String> taken) {
        if (plan.idle()) {
            unplaceable.remove(s.name());
            return;
        }
        List<String> going = new ArrayList<>(plan.remove());
        going.addAll(plan.replace());
        List<String> onNodes = new ArrayList<>(replicas.stream().filter(c -> !going.contains(c.name()))
                .map(Container::node).toList());
        List<Container> placed = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < plan.create(); i++) {
            Optional<Container> c = place(s, onNodes, nodes, placed, taken);
            if (c.isEmpty()) {
                break;
            }
            created.add(c.get().name() + " on " + c.get().node());
        }
        if (!created.isEmpty()) {
            events.info(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name() + ": "
                    + created.size() + " replica(s) placed (" + String.join(", ", created) + ")");
        }
        for (String lost : plan.replace()) {
            Container old = replicas.stream().filter(c -> c.name().equals(lost)).findFirst().orElseThrow();
            Optional<Container> c = place(s, onNodes, nodes, placed, taken);
            if (c.isEmpty()) {
                break;
            }
            remove(lost, "replaced");
            events.warn(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name() + ": replica "
                    + lost + " was lost with node " + old.node() + "; replaced by " + c.get().name() + " on node "
                    + c.get().node());
        }
        for (String excess : plan.remove()) {
            remove(excess, "service " + s.name() + " scaled down");
        }
    }

    /**
     * Places up to {@code count} replicas of {@code s}'s current template beside {@code replicas} (the
     * replacements of a deployment or a drain); returns those placed, fewer when there is no room (announced
     * once, see {@link #unplaceable}).
     */
    List<Container> create(Service s, int count, List<Container> replicas, Collection<Node> nodes, Set<String> taken) {
        List<String> onNodes = new ArrayList<>(replicas.stream().map(Container::node).toList());
        List<Container> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (place(s, onNodes, nodes, placed, taken).isEmpty()) {
                break;
            }
        }
        return placed;
    }

    /** Why the last replica of {@code service} could not be placed, empty when the last one was. */
    Optional<String> unplaceable(String service) {
        return Optional.ofNullable(unplaceable.get(service));
    }

    private Optional<Container> place(Service s, List<String> onNodes, Collection<Node> nodes, List<Container> placed,
                                      Set<String> taken) {
        String name = names.next(s.name(), taken);
        try {
            Container c = containers.createReplica(TemplateMarks.marked(s, name), s.name(), Spread.rank(s.spread(), onNodes, nodes),
                    placed);
            taken.add(name);
            placed.add(c);
            onNodes.add(c.node());
            unplaceable.remove(s.name());
            return Optional.of(c);
        } catch (ApiError | ValidationException e) {
            String why = e instanceof ValidationException v ? v.errors().toString() : e.getMessage();
            if (!why.equals(unplaceable.put(s.name(), why))) {
                events.warn(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name()
                        + " cannot place a replica now: " + why);
            }
            return Optional.empty();
        }
    }

    /** Removes a replica's container; one that is already gone or changing is left to the next pass. */
    void remove(String container, String why) {
        try {
            containers.delete(container);
        } catch (ApiError e) {
            LOG.debug("replica {} not removed now ({}): {}", container, why, e.getMessage());
        }
    }
}
