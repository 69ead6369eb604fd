package io.cluman.server.nodes;

import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.node.NodeState;
import io.cluman.model.validation.Validator;
import io.cluman.server.events.EventBus;
import io.cluman.server.jobs.JobSubmitter;
import io.cluman.server.pki.KeyFingerprints;
import io.cluman.store.StoreException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles {@code POST /v1/agent/join}: a new agent becomes a DISCOVERED node (and is commissioned at
 * once when the server auto-commissions); an agent that kept its id is the same node again, and so is one
 * that sends the join of a key again because it never got the answer ({@link JoinKeys}).
 */
public final class NodeJoiner {
    private final NodeRegistry nodes;
    private final HeartbeatTable heartbeats;
    private final HeartbeatPacing pacing;
    private final JobSubmitter jobs;
    private final EventBus events;
    private final Ids ids;
    private final InstantSource clock;
    private final boolean autoCommission;
    private final JoinKeys keys;

    public NodeJoiner(NodeRegistry nodes, HeartbeatTable heartbeats, HeartbeatPacing pacing, JobSubmitter jobs,
                      EventBus events, Ids ids, InstantSource clock, boolean autoCommission, JoinKeys keys) {
        this.keys = keys;
        this.nodes = nodes;
        this.heartbeats = heartbeats;
        this.pacing = pacing;
        this.jobs = jobs;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.autoCommission = autoCommission;
    }

    /** Checks a join request before anything is written (or a join token's use counted). */
    public static void validate(JoinRequest request) {
        Validator v = new Validator();
        v.required("facts", request.facts());
        v.labels("labels", request.labels());
        v.check(request.nodeId() == null || Ids.isNodeId(request.nodeId()), "nodeId",
                "'" + request.nodeId() + "' is not a node id (n- and ten characters); omit it to get a new one");
        v.throwIfInvalid();
    }

    public JoinResponse join(JoinRequest request) {
        validate(request);
        Instant now = clock.instant();
        String fresh = request.nodeId() != null ? null : ids.next('n');
        String id = request.nodeId() != null ? request.nodeId()
                : request.csr() != null ? keys.remember(KeyFingerprints.of(request.csr()), fresh) : fresh;
        // The join counts as a heartbeat: recorded before the node exists, so no liveness sweep sees it
        // silent, and again when the join is done, so a join that queued for long is not off before the
        // agent's first beat.
        heartbeats.record(id, new HeartbeatTable.Beat(now, NodeMetrics.empty(now), Map.of()));
        Optional<Node> existing = id.equals(fresh) ? Optional.empty() : nodes.read(id); // a fresh id names no node
        Node node = existing.isPresent() ? rejoin(existing.get(), request, now) : createOrRejoin(id, request, now);
        Instant done = clock.instant();
        heartbeats.record(id, new HeartbeatTable.Beat(done, NodeMetrics.empty(done), Map.of()));
        return new JoinResponse(id, node.name(), pacing.interval(nodes.size()).toMillis());
    }

    /** Whether a join with {@code csr}'s key made a node lately: a join sent again, not a new agent. */
    public boolean joinedLately(String csr) {
        return csr != null && keys.nodeOf(KeyFingerprints.of(csr)).isPresent();
    }

    /** Creates the node; when a join with the same key made it meanwhile (two at once), joins it again. */
    private Node createOrRejoin(String id, JoinRequest request, Instant now) {
        try {
            return create(id, request, now);
        } catch (StoreException.Conflict made) {
            return rejoin(nodes.read(id).orElseThrow(() -> made), request, now);
        }
    }

    private Node create(String id, JoinRequest request, Instant now) {
        String wanted = request.name() != null ? request.name() : request.facts().hostname();
        String name = NodeNames.pick(wanted, id, taken -> nodes.nameTaken(taken, id));
        Node node = nodes.create(new Node(id, name, request.labels(), NodeState.DISCOVERED, true, true, "", null,
                null, request.facts(), now, now, 0));
        events.info(Topic.NODE, Action.CREATE, "node", id, "node " + name + " joined from "
                + request.facts().primaryAddress());
        if (autoCommission) {
            jobs.submit(NodeOperation.COMMISSION, List.of(id), 1);
        }
        return node;
    }

    private Node rejoin(Node before, JoinRequest request, Instant now) {
        Node after = nodes.update(before.id(), n -> {
            Map<String, String> labels = new HashMap<>(n.labels());
            labels.putAll(request.labels());
            return n.withFacts(request.facts()).withLabels(labels).withLiveness(true, n.healthy(), n.healthReason(), now);
        });
        if (!before.on()) {
            events.info(Topic.NODE, Action.ONLINE, "node", before.id(), "node " + before.name() + " is on again");
        }
        return after;
    }
}
