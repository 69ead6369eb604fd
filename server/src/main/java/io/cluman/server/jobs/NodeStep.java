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
import java.util.List;
import java.util.Optional;

/**
 * Moves one node through the states of an operation, one compare-and-swap per state, with an event for
 * each move. Idempotent: a node already part-way (a job resumed by a new leader) continues from where it
 * is; a node already at the end succeeds at once.
 */
final class NodeStep {
    private final NodeRegistry nodes;
    private final EventBus events;

    NodeStep(NodeRegistry nodes, EventBus events) {
        this.nodes = nodes;
        this.events = events;
    }

    JobStep run(NodeOperation operation, JobStep step) {
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
        }
        return step.with(JobState.SUCCEEDED, "now " + at);
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
