package io.cluman.server.metrics;

import io.cluman.model.node.NodeMetrics;
import java.time.Duration;
import java.time.Instant;
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

    private final SeriesSet series;
    /** The last network counters per node, for rates. */
    private final Map<String, NodeMetrics> lastCounters = new ConcurrentHashMap<>();

    public NodeMetricsHistory(MetricsStore store) {
        this.series = new SeriesSet(store, "node", SERIES);
    }

    /** Records the metrics of one heartbeat of {@code nodeId}, stamped {@code at} (the server's time). */
    public void record(String nodeId, Instant at, NodeMetrics m) {
        series.append(nodeId, "cpu", at, m.cpuPercent());
        series.append(nodeId, "memory", at, m.memoryUsedBytes());
        series.append(nodeId, "disk-free", at, m.diskFreeBytes());
        series.append(nodeId, "load1", at, m.load1());
        NodeMetrics before = lastCounters.put(nodeId, m);
        if (before != null && before.at() != null && m.at() != null && m.at().isAfter(before.at())) {
            double seconds = Duration.between(before.at(), m.at()).toMillis() / 1000.0;
            series.appendRate(nodeId, "net-rx", at, before.netRxBytes(), m.netRxBytes(), seconds);
            series.appendRate(nodeId, "net-tx", at, before.netTxBytes(), m.netTxBytes(), seconds);
        }
    }

    /** Each series of the node in [{@code from}, {@code to}) by {@code step}; series without points are left out. */
    public Map<String, List<MetricPoint>> query(String nodeId, Instant from, Instant to, Duration step) {
        return series.query(nodeId, from, to, step);
    }
}
