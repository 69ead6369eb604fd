package io.cluman.server.jobs;

import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeLifecycle;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.node.NodeState;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.StoreException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.Optional;

/**
 * Moves one node through the states of an operation, one compare-and-swap per state, with an event for
 * each move; a drain (and a decommission, which drains first) then waits until the service controller has
 * moved every service replica off the node, saying why it waits in the step. A drain whose replicas have had
 * no room to go for {@code noRoomLimit} (no replica left the node meanwhile) fails and says why; the node
 * stays where it is, and the controller still moves the replicas once there is room. Idempotent: a node
 * already part-way (a job resumed by a new leader) continues from where it is; a node already at the end
 * succeeds at once.
 */
final class NodeStep {
    private final NodeRegistry nodes;
    private final EventBus events;
    private final Evacuation evacuation;
    private final Duration poll;
    private final InstantSource clock;
    private final Duration noRoomLimit;

    NodeStep(NodeRegistry nodes, EventBus events, Evacuation evacuation, Duration poll, InstantSource clock,
             Duration noRoomLimit) {
        this.nodes = nodes;
        this.events = events;
        this.evacuation = evacuation;
        this.poll = poll;
        this.clock = clock;
        this.noRoomLimit = noRoomLimit;
    }

    /**
     * Runs the step; while the node drains (DRAINING, or DECOMMISSIONING before DECOMMISSIONED) it waits
     * until no service replica is left on it, telling {@code progress} why each time that changes.
     */
    JobStep run(NodeOperation operation, JobStep step, Consumer<JobStep> progress) throws InterruptedException {
        Optional<Node> found = nodes.read(step.name());
        if (found.isEmpty()) {
            return step.with(JobState.FAILED, "node no longer exists");
        }
        Node node = found.get();
        List<NodeState> path = remainingPath(operation, node.state());
        if (path == null) {
            return step.with(JobState.CANCELLED, "not allowed from " + node.state() + "; allowed: "
                    + NodeLifecycle.allowedOperations(node.state()));
        }
        NodeState at = node.state();
        if (draining(at) && drains(operation)) {
            // a drain or decommission resumed part-way (a new leader); a commission of a draining node ends the
            // drain instead, so it must not wait for it
            JobStep stopped = awaitEmpty(node, at, step, progress);
            if (stopped != null) {
                return stopped;
            }
        }
        for (NodeState next : path) {
            NodeState from = at;
            try {
                nodes.update(node.id(), n -> {
                    if (n.state() != from) {
                        throw new StoreException.Conflict("node " + n.id() + " moved to " + n.state() + " meanwhile");
                    }
                    return n.withState(next);
                });
            } catch (StoreException e) {
                return step.with(JobState.FAILED, e.getMessage());
            }
            events.info(Topic.NODE, Action.UPDATE, "node", node.id(), "node " + node.name() + " " + from + " → " + next);
            at = next;
            if (draining(at)) {
                JobStep stopped = awaitEmpty(node, at, step, progress);
                if (stopped != null) {
                    return stopped;
                }
            }
        }
        return step.with(JobState.SUCCEEDED, "now " + at + evacuation.plainLeft(node.id()));
    }

    private static boolean drains(NodeOperation operation) {
        return operation == NodeOperation.DRAIN || operation == NodeOperation.DECOMMISSION;
    }

    private static boolean draining(NodeState state) {
        return state == NodeState.DRAINING || state == NodeState.DECOMMISSIONING;
    }

    /**
     * Waits for the node to hold no replica; a step that ends the wait (node gone or moved, or no room for
     * too long), else null.
     */
    private JobStep awaitEmpty(Node node, NodeState at, JobStep step, Consumer<JobStep> progress)
            throws InterruptedException {
        String said = null;
        NoRoomClock stuck = new NoRoomClock(clock, noRoomLimit);
        while (true) {
            Optional<Evacuation.Pending> pending = evacuation.pending(node.id());
            if (pending.isEmpty()) {
                return null;
            }
            if (!pending.get().why().equals(said)) {
                said = pending.get().why();
                progress.accept(step.with(JobState.RUNNING, said));
                events.info(Topic.NODE, Action.UPDATE, "node", node.id(), "node " + node.name() + " drain: " + said);
            }
            if (stuck.expired(pending.get())) {
                String why = "cannot finish: " + said + "; no room for " + noRoomLimit.toSeconds() + "s. The node stays "
                        + at + ": nothing new is placed on it, its replicas keep running and move as soon as there is"
                        + " room (add or commission a node, relax the service's constraints, or scale it down)";
                events.warn(Topic.NODE, Action.UPDATE, "node", node.id(), "node " + node.name() + " drain " + why);
                return step.with(JobState.FAILED, why);
            }
            Optional<Node> now = nodes.read(node.id());
            if (now.isEmpty()) {
                return step.with(JobState.FAILED, "node no longer exists");
            }
            if (now.get().state() != at) {
                return step.with(JobState.CANCELLED, "node moved to " + now.get().state() + " while draining");
            }
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
        }
    }

    /** The states still to walk, empty when already done, null when the operation is not allowed. */
    static List<NodeState> remainingPath(NodeOperation operation, NodeState current) {
        List<NodeState> full = NodeLifecycle.path(operation, current);
        if (!full.isEmpty()) {
            return full;
        }
        for (NodeState origin : NodeState.values()) {
            List<NodeState> path = NodeLifecycle.path(operation, origin);
            int at = path.indexOf(current);
            if (at >= 0) {
                return path.subList(at + 1, path.size());
            }
        }
        return null;
    }
}
