package io.cluman.server.nodes;

import io.cluman.model.api.BatchRequest;
import io.cluman.model.api.NodePatch;
import io.cluman.model.api.NodeSelector;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeLifecycle;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.node.NodeState;
import io.cluman.model.validation.ValidationException;
import io.cluman.model.validation.Validator;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.jobs.JobSubmitter;
import io.cluman.store.repo.JsonRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What the node endpoints do to nodes: label them, start lifecycle jobs (one node or a batch), forget them. */
public final class NodeOperations {
    private final NodeRegistry nodes;
    private final JsonRepository<Cluster> clusters;
    private final HeartbeatTable heartbeats;
    private final JobSubmitter jobs;
    private final EventBus events;

    public NodeOperations(NodeRegistry nodes, JsonRepository<Cluster> clusters, HeartbeatTable heartbeats,
                          JobSubmitter jobs, EventBus events) {
        this.nodes = nodes;
        this.clusters = clusters;
        this.heartbeats = heartbeats;
        this.jobs = jobs;
        this.events = events;
    }

    public Node find(String id) {
        return nodes.read(id).orElseThrow(() -> new ApiError.NotFound("node", id));
    }

    public Node patch(String id, NodePatch patch) {
        new Validator().required("labels", patch.labels()).throwIfInvalid();
        Map<String, String> set = new HashMap<>();
        patch.labels().forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                set.put(k, v);
            }
        });
        new Validator().labels("labels", set).check(patch.labels().keySet().stream().allMatch(k -> k != null && !k.isBlank()),
                "labels", "label keys cannot be empty").throwIfInvalid();
        find(id);
        Node updated = nodes.update(id, n -> {
            Map<String, String> labels = new HashMap<>(n.labels());
            patch.labels().forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    labels.remove(k);
                } else {
                    labels.put(k, v);
                }
            });
            return labels.equals(n.labels()) ? n : n.withLabels(labels);
        });
        events.info(Topic.NODE, Action.UPDATE, "node", id, "node " + updated.name() + " labels now " + updated.labels());
        return updated;
    }

    /** Starts {@code operation} on one node; 409 naming the allowed operations when its state forbids it. */
    public Job operate(String id, NodeOperation operation) {
        Node node = find(id);
        if (NodeLifecycle.path(operation, node.state()).isEmpty()) {
            throw new ApiError.Conflict("cannot " + operation.wireName() + " node " + id + " in state " + node.state()
                    + "; allowed operations: " + NodeLifecycle.allowedOperations(node.state()) + "; allowed states: "
                    + NodeLifecycle.allowedMoves(node.state()), "operation", "not allowed from " + node.state());
        }
        return jobs.submit(operation, List.of(id), 1);
    }

    /** Starts {@code request.operation} on every selected node; nodes whose state forbids it are skipped. */
    public Job batch(BatchRequest request) {
        Validator v = new Validator().required("operation", request.operation()).required("selector", request.selector());
        v.check(request.batchSize() == null || request.batchSize() >= 1, "batchSize", "must be 1 or more");
        v.throwIfInvalid();
        List<Node> selected = select(request.selector());
        List<String> allowed = new ArrayList<>();
        List<JobStep> skipped = new ArrayList<>();
        for (Node n : selected) {
            if (NodeLifecycle.path(request.operation(), n.state()).isEmpty()) {
                skipped.add(new JobStep(n.id(), JobState.CANCELLED, "skipped: not allowed from " + n.state()));
            } else {
                allowed.add(n.id());
            }
        }
        if (allowed.isEmpty()) {
            throw new ApiError.Conflict("none of the " + selected.size() + " selected nodes allows "
                    + request.operation().wireName(), "selector", "matches no node that can be "
                    + request.operation().wireName() + "ed");
        }
        return jobs.submit(request.operation(), allowed, request.batchSize() == null ? 1 : request.batchSize(), skipped);
    }

    /** Forgets a node that is decommissioned or off; 409 otherwise. */
    public void delete(String id) {
        Node node = find(id);
        if (node.state() != NodeState.DECOMMISSIONED && node.on()) {
            throw new ApiError.Conflict("node " + id + " is on and " + node.state()
                    + ": decommission it first, or stop its agent and wait until it is off");
        }
        if (!nodes.delete(node)) {
            throw new ApiError.Conflict("node " + id + " changed while being deleted; try again");
        }
        heartbeats.forget(id);
        events.info(Topic.NODE, Action.DELETE, "node", id, "node " + node.name() + " forgotten");
    }

    private List<Node> select(NodeSelector s) {
        int ways = (s.ids() != null ? 1 : 0) + (s.cluster() != null ? 1 : 0) + (s.labels() != null ? 1 : 0)
                + (Boolean.TRUE.equals(s.all()) ? 1 : 0);
        Validator v = new Validator().check(ways == 1, "selector",
                "give exactly one of ids, cluster, labels or all:true");
        v.labels("selector.labels", s.labels()).throwIfInvalid();
        List<Node> all = nodes.readAll();
        Predicate<Node> match;
        if (s.ids() != null) {
            Validator missing = new Validator();
            for (int i = 0; i < s.ids().size(); i++) {
                String id = s.ids().get(i);
                missing.check(all.stream().anyMatch(n -> n.id().equals(id)), "selector.ids[" + i + "]",
                        "no node '" + id + "'");
            }
            missing.throwIfInvalid();
            match = n -> s.ids().contains(n.id());
        } else if (s.cluster() != null) {
            if (!Cluster.isSystemGroup(s.cluster()) && clusters.get(s.cluster()).isEmpty()) {
                throw new ApiError.NotFound("cluster", s.cluster());
            }
            match = NodeFilter.parse(s.cluster(), null, null, null);
        } else if (s.labels() != null) {
            match = n -> s.labels().entrySet().stream().allMatch(e -> e.getValue().equals(n.labels().get(e.getKey())));
        } else {
            match = n -> true;
        }
        List<Node> selected = all.stream().filter(match).toList();
        if (selected.isEmpty()) {
            throw ValidationException.of("selector", "matches no node");
        }
        return selected;
    }
}
