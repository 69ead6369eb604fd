package io.cluman.server.nodes;

import io.cluman.model.api.NodeView;
import io.cluman.model.api.Resources;
import io.cluman.model.node.Node;
import java.util.Map;
import java.util.Optional;

/** Joins a stored node with what this server holds in memory (last heartbeat, metrics, driver health). */
public final class NodeViews {
    private final HeartbeatTable heartbeats;

    public NodeViews(HeartbeatTable heartbeats) {
        this.heartbeats = heartbeats;
    }

    public NodeView view(Node n) {
        Optional<HeartbeatTable.Beat> beat = heartbeats.last(n.id());
        return new NodeView(n.id(), n.name(), n.facts().primaryAddress(), n.labels(), n.state(), n.on(), n.healthy(),
                n.healthReason(), n.cluster(), n.membership(),
                new Resources(n.facts().cpus(), n.facts().memoryBytes()), new Resources(0, 0), n.facts().drivers(),
                beat.map(HeartbeatTable.Beat::drivers).orElse(Map.of()),
                beat.map(HeartbeatTable.Beat::at).orElse(n.lastSeen()), n.facts().agentVersion(), n.facts(),
                beat.map(HeartbeatTable.Beat::metrics).orElse(null), n.revision());
    }
}
