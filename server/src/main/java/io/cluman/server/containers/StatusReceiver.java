package io.cluman.server.containers;

import io.cluman.model.agent.StatusReport;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.validation.Validator;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.registries.PullFailures;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * Handles {@code POST /v1/agent/status}: records what agents report of their allocations, with an event
 * for each change of state. Reports of allocations the server no longer has (removed, re-placed) are
 * ignored: the agent learns from its assignments that they must go.
 *
 * <p>A change of health is an event too: WARNING when a container turns unhealthy, INFO when it turns
 * healthy. An unhealthy container is not restarted (a later option of the restart policy).
 */
public final class StatusReceiver {
    private final JsonRepository<ContainerStatus> statuses;
    private final NodeRegistry nodes;
    private final AssignmentFeed feed;
    private final EventBus events;
    private final PullFailures pullFailures;
    private final InstantSource clock;

    public StatusReceiver(JsonRepository<ContainerStatus> statuses, NodeRegistry nodes, AssignmentFeed feed,
                          EventBus events, PullFailures pullFailures, InstantSource clock) {
        this.statuses = statuses;
        this.nodes = nodes;
        this.feed = feed;
        this.events = events;
        this.pullFailures = pullFailures;
        this.clock = clock;
    }

    public void receive(StatusReport report) {
        new Validator().required("nodeId", report.nodeId()).throwIfInvalid();
        nodes.cached(report.nodeId()).orElseThrow(() -> new ApiError.NotFound("node", report.nodeId()));
        for (int i = 0; i < report.tasks().size(); i++) {
            TaskReport task = report.tasks().get(i);
            new Validator().required("tasks[" + i + "].allocId", task.allocId())
                    .required("tasks[" + i + "].state", task.state()).throwIfInvalid();
        }
        for (TaskReport task : report.tasks()) {
            feed.byAllocation(task.allocId()).filter(c -> c.node().equals(report.nodeId()))
                    .ifPresent(c -> record(c, task));
        }
    }

    /**
     * Marks the allocations of a node that went off LOST: nobody knows what they do now. When the node's
     * agent reports again, their status follows its reports.
     */
    public void markLost(String nodeId) {
        for (Container c : feed.all()) {
            if (!c.node().equals(nodeId)) {
                continue;
            }
            boolean[] lost = {false};
            try {
                statuses.update(c.name(), s -> {
                    lost[0] = s.allocId().equals(c.allocId()) && (s.state().isActive() || s.state() == TaskState.PENDING);
                    return lost[0] ? new ContainerStatus(s.allocId(), s.node(), s.generation(), TaskState.LOST,
                            s.exitCode(), s.restarts(), "its node went off", s.runtimeId(), s.startedAt(), s.finishedAt(),
                            clock.instant(), null, null, s.revision()) : s;
                });
            } catch (StoreException e) {
                continue;
            }
            if (lost[0]) {
                events.warn(Topic.LOG_DOCKER, Action.UPDATE, "container", c.name(),
                        "container " + c.name() + " is lost: its node " + nodeId + " is off");
            }
        }
    }

    private void record(Container c, TaskReport reported) {
        TaskReport task = explained(c, reported);
        ContainerStatus next = new ContainerStatus(task.allocId(), c.node(), task.generation(), task.state(),
                task.exitCode(), task.restarts(), task.error(), task.runtimeId(), task.startedAt(), task.finishedAt(),
                clock.instant(), task.health(), task.healthReason(), 0);
        Optional<ContainerStatus> before = statuses.get(c.name());
        try {
            if (before.isEmpty()) {
                statuses.create(c.name(), next);
            } else {
                statuses.replace(c.name(), next, before.get().revision());
            }
        } catch (StoreException.Conflict lost) {
            statuses.update(c.name(), s -> next);
        }
        Optional<ContainerStatus> same = before.filter(s -> s.allocId().equals(task.allocId()));
        TaskState was = same.map(ContainerStatus::state).orElse(TaskState.PENDING);
        if (was != task.state()) {
            announce(c, task);
        }
        if (task.health() != same.map(ContainerStatus::health).orElse(null)) {
            announceHealth(c, task);
        }
    }

    private void announceHealth(Container c, TaskReport task) {
        String on = " on node " + c.node();
        if (task.health() == Health.UNHEALTHY) {
            events.publish(Topic.LOG_DOCKER, Action.UPDATE, Severity.WARNING, "container", c.name(),
                    "container " + c.name() + " is unhealthy" + on + ": " + task.healthReason(),
                    Map.of("health", Health.UNHEALTHY.wireName()));
        } else if (task.health() == Health.HEALTHY) {
            events.publish(Topic.LOG_DOCKER, Action.UPDATE, Severity.INFO, "container", c.name(),
                    "container " + c.name() + " is healthy" + on, Map.of("health", Health.HEALTHY.wireName()));
        }
    }

    /** The report with a pull failure's error in words that name the registry to fix. */
    private TaskReport explained(Container c, TaskReport task) {
        if (task.failure() == null) {
            return task;
        }
        String error = pullFailures.explain(c.spec().image(), task.failure(), task.error());
        return new TaskReport(task.allocId(), task.generation(), task.state(), task.exitCode(), task.restarts(), error,
                task.runtimeId(), task.startedAt(), task.finishedAt(), task.failure());
    }

    private void announce(Container c, TaskReport task) {
        if (task.failure() != null) {
            events.publish(Topic.LOG_REGISTRY, Action.UPDATE, Severity.ERROR, "container", c.name(),
                    "container " + c.name() + ": " + task.error(), Map.of("image", c.spec().image(),
                            "registry", pullFailures.registryOf(c.spec().image()).orElse(""),
                            "failure", task.failure().name(), "node", c.node()));
        }
        String on = " on node " + c.node();
        switch (task.state()) {
            case RUNNING -> events.info(Topic.LOG_DOCKER, Action.START, "container", c.name(),
                    "container " + c.name() + " running" + on);
            case EXITED -> events.publish(Topic.LOG_DOCKER, Action.DIE,
                    task.exitCode() != null && task.exitCode() != 0 ? Severity.WARNING : Severity.INFO, "container",
                    c.name(), "container " + c.name() + " exited with code " + task.exitCode() + on,
                    Map.of("exitCode", String.valueOf(task.exitCode())));
            case FAILED -> events.publish(Topic.LOG_DOCKER, Action.DIE, Severity.ERROR, "container", c.name(),
                    "container " + c.name() + " failed" + on + ": " + task.error(), Map.of());
            default -> events.info(Topic.LOG_DOCKER, Action.UPDATE, "container", c.name(),
                    "container " + c.name() + " " + task.state().name().toLowerCase(java.util.Locale.ROOT) + on);
        }
    }
}
