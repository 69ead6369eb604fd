package io.cluman.server.metrics;

import io.cluman.model.node.NodeMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The history of every node's heartbeat metrics, one series per figure: {@code cpu} (%), {@code memory}
 * (bytes used), {@code disk-free} (bytes), {@code load1}, {@code net-rx} and {@code net-tx} (bytes per second,
 * from the counters of two beats in a row). A point the store refuses (a second beat within the same second)
 * is dropped: heartbeats never fail because of their history.
 */
public final class NodeMetricsHistory {
    /** The series of a node, in the order answers list them. */
    public static final List<String> SERIES = List.of("cpu", "memory", "disk-free", "load1", "net-rx", "net-tx");

    private final MetricsStore store;
    /** The last network counters per node, for rates. */
    private final Map<String, NodeMetrics> lastCounters = new ConcurrentHashMap<>();

    public NodeMetricsHistory(MetricsStore store) {
        this.store = store;
    }

    /** Records the metrics of one heartbeat of {@code nodeId}, stamped {@code at} (the server's time). */
    public void record(String nodeId, Instant at, NodeMetrics m) {
        append(nodeId, "cpu", at, m.cpuPercent());
        append(nodeId, "memory", at, m.memoryUsedBytes());
        append(nodeId, "disk-free", at, m.diskFreeBytes());
        append(nodeId, "load1", at, m.load1());
        NodeMetrics before = lastCounters.put(nodeId, m);
        if (before != null && before.at() != null && m.at() != null && m.at().isAfter(before.at())) {
            double seconds = Duration.between(before.at(), m.at()).toMillis() / 1000.0;
            append(nodeId, "net-rx", at, Math.max(0, m.netRxBytes() - before.netRxBytes()) / seconds);
            append(nodeId, "net-tx", at, Math.max(0, m.netTxBytes() - before.netTxBytes()) / seconds);
        }
    }

    /** Each series of the node in [{@code from}, {@code to}) by {@code step}; series without points are left out. */
    public Map<String, List<MetricPoint>> query(String nodeId, Instant from, Instant to, Duration step) {
        Map<String, List<MetricPoint>> all = new LinkedHashMap<>();
        for (String series : SERIES) {
            List<MetricPoint> points = store.query(key(nodeId, series), from, to, step);
            if (!points.isEmpty()) {
                all.put(series, points);
            }
        }
        return all;
    }

    private void append(String nodeId, String series, Instant at, double value) {
        if (Double.isFinite(value)) {
            store.append(key(nodeId, series), at, value);
        }
    }

    private static String key(String nodeId, String series) {
        return "node/" + nodeId + "/" + series;
    }
}
