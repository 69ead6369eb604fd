package io.cluman.model.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What every metrics history answer holds: its range, its step and its series, each oldest first. */
public interface MetricsHistoryView {
    Instant from();

    Instant to();

    Duration step();

    /** By name, in the server's order; a series without points is absent. */
    Map<String, List<MetricPointView>> series();
}
