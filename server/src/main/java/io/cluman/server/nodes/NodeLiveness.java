package io.cluman.server.nodes;

import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader-only: marks a node off when its last heartbeat is older than the off threshold, with an
 * {@code offline} event, and tells {@code onNodeOff} (its containers are then lost). A new leader counts every node as seen at its election (one grace period), so
 * a failover does not flap the fleet.
 */
public final class NodeLiveness implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLiveness.class);

    private final NodeRegistry nodes;
    private final HeartbeatTable heartbeats;
    private final HeartbeatPacing pacing;
    private final EventBus events;
    private final InstantSource clock;
    private final Duration sweepEvery;
    private final Consumer<String> onNodeOff;
    private volatile Instant leaderSince = Instant.EPOCH;
    private ScheduledExecutorService timer;

    public NodeLiveness(NodeRegistry nodes, HeartbeatTable heartbeats, HeartbeatPacing pacing, EventBus events,
                        InstantSource clock, Duration sweepEvery, Consumer<String> onNodeOff) {
        this.nodes = nodes;
        this.heartbeats = heartbeats;
        this.pacing = pacing;
        this.events = events;
        this.clock = clock;
        this.sweepEvery = sweepEvery;
        this.onNodeOff = onNodeOff;
    }

    @Override
    public void start() {
        leaderSince = clock.instant();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("node-liveness").factory());
        timer.scheduleWithFixedDelay(this::sweepSafely, sweepEvery.toMillis(), sweepEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("liveness sweep failed: {}", e.toString());
        }
    }

    /** One pass over the fleet. Package-visible for tests driven by a manual clock. */
    void sweep() {
        Instant now = clock.instant();
        Duration offAfter = pacing.offAfter(nodes.size());
        List<Node> silent = new ArrayList<>();
        nodes.forEachCached(node -> {
            if (node.on() && isSilent(node.id(), now, offAfter)) {
                silent.add(node);
            }
        });
        silent.forEach(node -> markOff(node, now, offAfter));
    }

    private boolean isSilent(String nodeId, Instant now, Duration offAfter) {
        long last = heartbeats.lastMillis(nodeId);
        long since = leaderSince.toEpochMilli();
        return now.toEpochMilli() - Math.max(last, since) > offAfter.toMillis();
    }

    private void markOff(Node node, Instant now, Duration offAfter) {
        try {
            boolean[] turnedOff = {false};
            nodes.update(node.id(), n -> {
                turnedOff[0] = n.on() && isSilent(n.id(), now, offAfter);
                // last seen: the last heartbeat (or this leader's start, when it heard none), not now, so
                // "off for longer than the lost grace" counts from when the node fell silent
                Instant lastHeard = Instant.ofEpochMilli(Math.max(heartbeats.lastMillis(n.id()),
                        leaderSince.toEpochMilli()));
                return turnedOff[0] ? n.withLiveness(false, n.healthy(), n.healthReason(), lastHeard) : n;
            });
            if (turnedOff[0]) {
                events.warn(Topic.NODE, Action.OFFLINE, "node", node.id(), "node " + node.name()
                        + " is off: no heartbeat for more than " + offAfter.toMillis() / 1000.0 + " s");
                onNodeOff.accept(node.id());
            }
        } catch (StoreException e) {
            LOG.warn("cannot mark node {} off now: {}", node.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
