package io.cluman.server.nodes;

import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.validation.Validator;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.metrics.NodeMetricsHistory;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Handles {@code POST /v1/agent/heartbeat}. The beat itself is only remembered in memory; the store is
 * written only when {@code on}, {@code healthy} (or its reason) or the facts change.
 */
public final class HeartbeatReceiver {
    private static final String DOCKER = "docker";

    private final NodeRegistry nodes;
    private final HeartbeatTable heartbeats;
    private final HeartbeatPacing pacing;
    private final HealthPolicy health;
    private final EventBus events;
    private final InstantSource clock;
    private final NodeMetricsHistory history;
    private final ToLongFunction<String> checks;

    /** @param checks the digest of the checks dispatched to a node, told in each answer */
    public HeartbeatReceiver(NodeRegistry nodes, HeartbeatTable heartbeats, HeartbeatPacing pacing,
                             HealthPolicy health, EventBus events, InstantSource clock,
                             NodeMetricsHistory history, ToLongFunction<String> checks) {
        this.history = history;
        this.checks = checks;
        this.nodes = nodes;
        this.heartbeats = heartbeats;
        this.pacing = pacing;
        this.health = health;
        this.events = events;
        this.clock = clock;
    }

    public HeartbeatResponse receive(HeartbeatRequest beat) {
        new Validator().required("nodeId", beat.nodeId()).required("metrics", beat.metrics()).throwIfInvalid();
        Node node = nodes.cached(beat.nodeId()).orElseThrow(() -> new ApiError.NotFound("node", beat.nodeId()));
        Instant now = clock.instant();
        Optional<HeartbeatTable.Beat> previous = heartbeats.last(node.id());
        heartbeats.record(node.id(), new HeartbeatTable.Beat(now, beat.metrics(), beat.drivers()));
        history.record(node.id(), now, beat.metrics());
        announceEngine(node, previous.map(b -> b.drivers().get(DOCKER)).orElse(null), beat.drivers().get(DOCKER));
        HealthPolicy.Verdict verdict = health.judge(beat.metrics(), beat.drivers());
        NodeFacts facts = beat.facts() == null ? node.facts() : beat.facts();
        if (!node.on() || node.healthy() != verdict.healthy() || !node.healthReason().equals(verdict.reason())
                || !facts.equals(node.facts())) {
            node = record(node, verdict, facts, now);
        }
        return new HeartbeatResponse(pacing.interval(nodes.size()).toMillis(), node.state(),
                checks.applyAsLong(node.id()));
    }

    /** An event on {@code bus.cluman.dockerservice} when the node's Docker Engine stops or starts answering. */
    private void announceEngine(Node node, DriverHealth before, DriverHealth now) {
        if (before == null || now == null || before.healthy() == now.healthy()) {
            return;
        }
        if (now.healthy()) {
            events.info(Topic.DOCKER_SERVICE, Action.ONLINE, "node", node.id(),
                    "the Docker Engine of node " + node.name() + " answers again");
        } else {
            events.warn(Topic.DOCKER_SERVICE, Action.OFFLINE, "node", node.id(),
                    "the Docker Engine of node " + node.name() + " does not answer: " + now.detail());
        }
    }

    private Node record(Node before, HealthPolicy.Verdict verdict, NodeFacts facts, Instant now) {
        Node after = nodes.update(before.id(), n -> n.withLiveness(true, verdict.healthy(), verdict.reason(),
                n.on() ? n.lastSeen() : now).withFacts(facts));
        if (!before.on()) {
            events.info(Topic.NODE, Action.ONLINE, "node", before.id(), "node " + before.name() + " is on");
        }
        if (before.healthy() && !verdict.healthy()) {
            events.warn(Topic.NODE, Action.UPDATE, "node", before.id(),
                    "node " + before.name() + " is unhealthy: " + verdict.reason());
        } else if (!before.healthy() && verdict.healthy()) {
            events.info(Topic.NODE, Action.UPDATE, "node", before.id(), "node " + before.name() + " is healthy again");
        }
        if (!facts.equals(before.facts())) {
            events.info(Topic.NODE, Action.UPDATE, "node", before.id(), "node " + before.name() + " reported new facts");
        }
        return after;
    }
}
