package io.cluman.server.nodes;

import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last heartbeat of every node, in memory only (never written to the store). Thread-safe. */
public final class HeartbeatTable {
    private final Map<String, Beat> beats = new ConcurrentHashMap<>();

    /** One heartbeat: when it arrived, the metrics and driver health it carried. */
    public record Beat(Instant at, NodeMetrics metrics, Map<String, DriverHealth> drivers) {
    }

    public void record(String nodeId, Beat beat) {
        beats.put(nodeId, beat);
    }

    public Optional<Beat> last(String nodeId) {
        return Optional.ofNullable(beats.get(nodeId));
    }

    /** Epoch millis of the node's last heartbeat; {@link Long#MIN_VALUE} when none arrived. */
    public long lastMillis(String nodeId) {
        Beat beat = beats.get(nodeId);
        return beat == null ? Long.MIN_VALUE : beat.at().toEpochMilli();
    }

    public void forget(String nodeId) {
        beats.remove(nodeId);
    }
}
