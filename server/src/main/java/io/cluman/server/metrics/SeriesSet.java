package io.cluman.server.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one kind of subject (nodes, containers) in the {@link MetricsStore}: the key of series
 * {@code name} of subject {@code id} is {@code <prefix>/<id>/<name>}. Values that are not finite are dropped,
 * as are points the store refuses (not after the series' last second): recording never fails.
 */
final class SeriesSet {
    private final MetricsStore store;
    private final String prefix;
    private final List<String> names;

    /** @param names the series, in the order {@link #query} lists them */
    SeriesSet(MetricsStore store, String prefix, List<String> names) {
        this.store = store;
        this.prefix = prefix;
        this.names = List.copyOf(names);
    }

    void append(String id, String name, Instant at, double value) {
        if (Double.isFinite(value)) {
            store.append(prefix + "/" + id + "/" + name, at, value);
        }
    }

    /**
     * Appends the rate of a byte counter between two readings {@code seconds} apart, in bytes per second; nothing
     * when either reading is unknown (negative). A counter that went back (a restart) counts as 0.
     */
    void appendRate(String id, String name, Instant at, long before, long now, double seconds) {
        if (before >= 0 && now >= 0 && seconds > 0) {
            append(id, name, at, Math.max(0, now - before) / seconds);
        }
    }

    /** The series {@code name} of {@code id} in [{@code from}, {@code to}) by {@code step}. */
    List<MetricPoint> query(String id, String name, Instant from, Instant to, Duration step) {
        return store.query(prefix + "/" + id + "/" + name, from, to, step);
    }

    /** Each series of {@code id} in [{@code from}, {@code to}) by {@code step}; series without points left out. */
    Map<String, List<MetricPoint>> query(String id, Instant from, Instant to, Duration step) {
        Map<String, List<MetricPoint>> all = new LinkedHashMap<>();
        for (String name : names) {
            List<MetricPoint> points = query(id, name, from, to, step);
            if (!points.isEmpty()) {
                all.put(name, points);
            }
        }
        return all;
    }
}
