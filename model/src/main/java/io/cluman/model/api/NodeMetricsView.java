package io.cluman.model.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A node's metrics history ({@code GET /v1/metrics/nodes/{id}}).
 *
 * @param series by name ({@code cpu} %, {@code memory} bytes used, {@code disk-free} bytes, {@code load1},
 *               {@code net-rx} and {@code net-tx} bytes/s), each oldest first; a series without points is absent
 */
public record NodeMetricsView(String node, Instant from, Instant to, Duration step,
                              Map<String, List<MetricPointView>> series) implements MetricsHistoryView {
    public NodeMetricsView {
        // in the server's order (cpu, memory, disk-free, load1, net-rx, net-tx), read-only
        series = MetricPointView.ordered(series);
    }
}
