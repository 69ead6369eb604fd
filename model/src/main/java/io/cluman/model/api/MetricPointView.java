package io.cluman.model.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One bucket of a metric's history: its start, and the least, mean and greatest value in it. */
public record MetricPointView(Instant time, double min, double avg, double max) {
    /** A read-only copy of {@code series} in its given order (the server's series order); null: empty. */
    static Map<String, List<MetricPointView>> ordered(Map<String, List<MetricPointView>> series) {
        return series == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
}
