package io.cluman.server.services;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.model.service.Deployment;
import io.cluman.model.service.DeploymentState;
import io.cluman.model.service.Service;
import io.cluman.server.events.EventBus;
import io.cluman.store.repo.JsonRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell around {@link DeploymentPlanner}: turns a service's containers, their statuses and nodes into
 * the planner's input, carries out its {@link DeploymentPlanner.Step} through {@link ReplicaWriter}, and
 * records the deployment's progress and end in the service (compare-and-swap), with events. Remembers since
 * when each replica has been ready (a new leader starts that clock again: it waits minHealthyTime once more).
 * Used by the controller's one thread.
 */
final class DeploymentWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentWriter.class);

    private final JsonRepository<Service> services;
    private final ReplicaWriter writer;
    private final EventBus events;
    /** Since when each replica (by container name) has been seen ready. */
    private final Map<String, Instant> readySince = new HashMap<>();

    DeploymentWriter(JsonRepository<Service> services, ReplicaWriter writer, EventBus events) {
        this.services = services;
        this.writer = writer;
        this.events = events;
    }

    /**
     * One step for {@code s}. Returns false, doing nothing, when no deployment runs and no replica is on a
     * leaving node: the count is then the {@link ServiceReconciler}'s to keep.
     *
     * @param statuses the agents' reports, by allocation id
     */
    boolean step(Service s, List<Container> replicas, Map<String, Node> nodes, Map<String, ContainerStatus> statuses,
                 Instant now, Set<String> taken) {
        Optional<Deployment> running = s.running().filter(d -> d.generation() == s.generation());
        String digest = TemplateMarks.digest(s.template());
        List<DeploymentPlanner.Replica> seen = replicas.stream()
                .map(c -> replica(c, running.isEmpty() || TemplateMarks.madeFrom(c, digest), nodes,
                        statuses.get(c.allocId()), now)).toList();
        if (!DeploymentPlanner.moving(running.isPresent(), seen)) {
            return false;
        }
        DeploymentPlanner.Step step = DeploymentPlanner.plan(new DeploymentPlanner.Input(s.replicas(),
                s.maxUnavailable(), s.update(), running.isPresent(), running.map(Deployment::promoted).orElse(true),
                seen, now));
        for (String name : step.remove()) {
            writer.remove(name, "replaced");
            events.info(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name() + ": replica "
                    + name + (running.isPresent() ? " updated: replaced by generation " + s.generation()
                    : " moved off its node") + " (" + step.done() + "/" + step.total() + ")");
        }
        // removals first: each stands for a replacement already counted, and the surge stays at maxParallel
        List<Container> placed = writer.create(s, step.create(), taken);
        String waiting = step.create() > placed.size() ? writer.unplaceable(s.name()).orElse(step.waiting())
                : step.waiting();
        markWaiting(s, waiting.isEmpty() ? null : waiting);
        running.ifPresent(d -> record(s, d, step, now));
        return true;
    }

    private DeploymentPlanner.Replica replica(Container c, boolean current, Map<String, Node> nodes,
                                              ContainerStatus status, Instant now) {
        Node node = nodes.get(c.node());
        boolean leaving = node == null || node.state() == NodeState.DRAINING
                || node.state() == NodeState.DECOMMISSIONING || node.state() == NodeState.DECOMMISSIONED;
        boolean checked = c.spec().healthcheck() != null;
        TaskState state = status == null || !Objects.equals(status.allocId(), c.allocId()) ? TaskState.PENDING
                : status.state();
        boolean ready = state == TaskState.RUNNING && node != null && node.on()
                && (!checked || status.health() == io.cluman.model.container.Health.HEALTHY);
        Instant since = ready ? readySince.computeIfAbsent(c.name(), k -> now) : null;
        if (!ready) {
            readySince.remove(c.name());
        }
        return new DeploymentPlanner.Replica(c.name(), current, leaving, state, checked,
                status == null ? null : status.health(), c.createdAt(), since);
    }

    private void record(Service s, Deployment d, DeploymentPlanner.Step step, Instant now) {
        switch (step.outcome()) {
            case DeploymentPlanner.Outcome.Continues c -> {
                if (d.done() != step.done() || d.total() != step.total()) {
                    write(s, d, x -> x.withLastDeployment(d.withProgress(step.done(), step.total(), d.reason())));
                }
            }
            case DeploymentPlanner.Outcome.Succeeded ok -> {
                write(s, d, x -> x.withLastDeployment(d.withProgress(step.done(), step.total(), d.reason())
                        .finished(DeploymentState.SUCCESSFUL, d.reason(), now)).stable());
                events.info(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name()
                        + ": deployment " + d.id() + " successful: " + step.total() + " replica(s) of generation "
                        + d.generation());
            }
            case DeploymentPlanner.Outcome.Failed failed -> fail(s, d, failed.reason(), now);
        }
    }

    private void fail(Service s, Deployment d, String reason, Instant now) {
        events.publish(Topic.SERVICE, Action.UPDATE, Severity.ERROR, "service", s.name(), "service " + s.name()
                + ": deployment " + d.id() + " failed: " + reason, Map.of("deployment", d.id()));
        if (!s.update().autoRevert()) {
            write(s, d, x -> x.withLastDeployment(d.finished(DeploymentState.FAILED, reason, now)));
            return;
        }
        String why = reason + "; reverted to the spec of generation " + s.stableGeneration();
        write(s, d, x -> x.deploy(x.stableTemplate(), x.replicas(), x.cluster(), x.constraints(), x.spread(),
                x.maxUnavailable(), x.update(), d.finished(DeploymentState.REVERTED, why, now),
                "revert to the spec of generation " + x.stableGeneration() + " after " + d.id() + " failed", now));
        events.warn(Topic.SERVICE, Action.UPDATE, "service", s.name(), "service " + s.name() + ": deployment "
                + d.id() + " reverted: going back to the spec of generation " + s.stableGeneration());
    }

    /** Changes the service only if its deployment is still {@code d} (a PUT meanwhile wins). */
    private void write(Service s, Deployment d, java.util.function.UnaryOperator<Service> change) {
        try {
            services.update(s.name(), x -> x.running().filter(d::equals).isPresent() ? change.apply(x) : x);
        } catch (RuntimeException e) {
            LOG.debug("deployment {} of service {} not recorded now: {}", d.id(), s.name(), e.toString());
        }
    }

    /** Records why the service cannot move on (null: it can), when that changed. */
    void markWaiting(Service s, String waiting) {
        if (Objects.equals(s.waiting(), waiting)) {
            return;
        }
        try {
            services.update(s.name(), x -> Objects.equals(x.waiting(), waiting) ? x : x.withWaiting(waiting));
        } catch (RuntimeException e) {
            LOG.debug("waiting mark of service {} not written now: {}", s.name(), e.toString());
        }
    }

    /** Forgets replicas that are gone. */
    void retain(Collection<String> names) {
        readySince.keySet().retainAll(Set.copyOf(names));
    }
}
