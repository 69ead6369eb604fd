package io.cluman.server.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One bucket of a query's answer: the bucket's start, the min, average and max of the {@code count} points
 * that fell in it (for rollup tiers, the points the rollups were made of).
 */
public record MetricPoint(Instant time, double min, double avg, double max, long count) {
    public MetricPoint {
        Objects.requireNonNull(time, "time");
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }
}
