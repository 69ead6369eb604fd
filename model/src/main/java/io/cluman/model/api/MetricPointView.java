package io.cluman.model.api;

import java.time.Instant;

/** One bucket of a metric's history: its start, and the least, mean and greatest value in it. */
public record MetricPointView(Instant time, double min, double avg, double max) {
}
