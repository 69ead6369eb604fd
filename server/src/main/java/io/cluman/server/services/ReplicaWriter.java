package io.cluman.server.services;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.Container;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.service.Service;
import io.cluman.scheduler.Ranking;
import io.cluman.model.validation.ValidationException;
import io.cluman.scheduler.PlacementRequest;
import io.cluman.scheduler.constraint.ConstraintParser;
import io.cluman.server.api.ApiError;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.events.EventBus;
import io.cluman.server.placement.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a service's {@link ServiceReconciler.Plan} through {@link ContainerOperations}: places new
 * replicas and replacements in one batch (one snapshot, one scheduler plan: binpack, spread over the service's
 * {@code spread} label, distinct nodes preferred — required with host ports —, its constraints enforced),
 * replaces lost ones — the new replica is written before the lost record is removed, so the count never dips
 * and the returning agent, finding its allocation gone, stops its copy — and removes the excess. Used by the
 * controller's one thread.
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
     * @param taken    every container name; names of new replicas are added
     */
    void apply(Service s, ServiceReconciler.Plan plan, List<Container> replicas, Set<String> taken) {
        if (plan.idle()) {
            unplaceable.remove(s.name());
            return;
        }
        List<Container> placed = place(s, plan.create() + plan.replace().size(), plan, taken);
        int created = Math.min(plan.create(), placed.size());
        if (created > 0) {
            events.info(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name() + ": "
                    + created + " replica(s) placed (" + String.join(", ", placed.subList(0, created).stream()
                    .map(c -> c.name() + " on " + c.node()).toList()) + ")");
        }
        for (int i = created; i < placed.size(); i++) {
            String lost = plan.replace().get(i - created);
            Container old = replicas.stream().filter(c -> c.name().equals(lost)).findFirst().orElseThrow();
            Container c = placed.get(i);
            remove(lost, "replaced");
            events.warn(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name() + ": replica "
                    + lost + " was lost with node " + old.node() + "; replaced by " + c.name() + " on node "
                    + c.node());
        }
        Set<String> excess = Set.copyOf(plan.remove());
        removeAll(replicas.stream().filter(c -> excess.contains(c.name())).toList(),
                "service " + s.name() + " scaled down");
    }

    /**
     * Places up to {@code count} replicas of {@code s}'s current template (the replacements of a deployment or
     * a drain) in one batch; returns those placed, fewer when there is no room (announced once, see
     * {@link #unplaceable}).
     */
    List<Container> create(Service s, int count, Set<String> taken) {
        return place(s, count, Set.of(), taken);
    }

    /** Why the last replica of {@code service} could not be placed, empty when the last one was. */
    Optional<String> unplaceable(String service) {
        return Optional.ofNullable(unplaceable.get(service));
    }

    private List<Container> place(Service s, int count, ServiceReconciler.Plan plan, Set<String> taken) {
        Set<String> leaving = new HashSet<>(plan.remove());
        leaving.addAll(plan.replace());
        return place(s, count, leaving, taken);
    }

    /**
     * Places up to {@code count} replicas in one batch, each marked with the template it is made of;
     * announces (once per reason) why the rest did not fit.
     *
     * @param leaving replicas about to be removed: the plan does not count them
     */
    private List<Container> place(Service s, int count, Set<String> leaving, Set<String> taken) {
        if (count == 0) {
            return List.of();
        }
        try {
            Outcome outcome = containers.createReplicas(s.name(), request(s, count), leaving,
                    Objects.hash(s.name(), s.generation()), () -> nextName(s, taken),
                    name -> TemplateMarks.marked(s, name));
            outcome.refusal().ifPresentOrElse(why -> unplaceable(s, "placed " + outcome.written().size() + " of "
                    + count + "; " + why), () -> unplaceable.remove(s.name()));
            return outcome.written();
        } catch (ApiError | ValidationException e) {
            unplaceable(s, e instanceof ValidationException v ? v.errors().toString() : e.getMessage());
            return List.of();
        }
    }

    /**
     * Where {@code count} more replicas of {@code s} may go and how they are ranked: its cluster, its
     * constraints, spread over its {@code spread} label, its ranking (binpack or spread) and affinities; distinct nodes preferred (required with host
     * ports). The existing replicas are filled in by the applier from the store.
     *
     * @throws ValidationException when the template or a constraint is invalid (both are checked when the
     *                             service is written)
     */
    static PlacementRequest request(Service s, int count) {
        return ContainerOperations.requestFor(s.replica(s.name()), s.name(),
                s.cluster() == null ? Cluster.ALL : s.cluster(), count)
                .constraints(ConstraintParser.parseAll("constraints", s.constraints()))
                .spreadLabel(s.spread())
                .ranking(Service.SPREAD.equals(s.ranking()) ? Ranking.SPREAD : Ranking.BINPACK)
                .affinities(ServiceAffinities.toScheduler(s.affinities())).build();
    }

    private String nextName(Service s, Set<String> taken) {
        String name = names.next(s.name(), taken);
        taken.add(name);
        return name;
    }

    private void unplaceable(Service s, String reason) {
        String why = Service.NO_ROOM + reason;
        if (!why.equals(unplaceable.put(s.name(), why))) {
            events.warn(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name()
                    + " cannot place a replica now: " + reason);
        }
    }

    /** Removes replicas' containers in a few writes; those already gone or changing are left to the next pass. */
    void removeAll(List<Container> replicas, String why) {
        if (replicas.isEmpty()) {
            return;
        }
        List<String> left = containers.deleteAll(replicas);
        if (!left.isEmpty()) {
            LOG.debug("replicas {} not removed now ({})", left, why);
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
