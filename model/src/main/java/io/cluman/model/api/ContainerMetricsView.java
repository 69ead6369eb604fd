package io.cluman.model.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container's stats history ({@code GET /v1/metrics/containers/{id}}), from the samples its agents sent
 * (every allocation of the container, one after another).
 *
 * @param series by name ({@code cpu} % of one core, {@code memory} and {@code memory-limit} bytes,
 *               {@code net-rx} and {@code net-tx} bytes/s), each oldest first; a series without points is absent
 */
public record ContainerMetricsView(String container, Instant from, Instant to, Duration step,
                                   Map<String, List<MetricPointView>> series)
        implements MetricsHistoryView {
    public ContainerMetricsView {
        series = MetricPointView.ordered(series);
    }
}
