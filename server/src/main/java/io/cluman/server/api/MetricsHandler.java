package io.cluman.server.api;

import io.cluman.model.api.MetricPointView;
import io.cluman.model.api.NodeMetricsView;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import io.cluman.server.metrics.NodeMetricsHistory;
import io.cluman.server.nodes.NodeRegistry;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /v1/metrics/nodes/{id}}: a node's metrics history. {@code from} and {@code to} are ISO-8601 instants
 * or how long ago ({@code 1h}, {@code 30d}); the default is the last hour up to now. {@code step} is a
 * duration; the default gives about 120 points.
 */
final class MetricsHandler {
    private static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final int DEFAULT_POINTS = 120;
    private static final long MAX_POINTS = 10_000;

    private final NodeRegistry nodes;
    private final NodeMetricsHistory history;
    private final InstantSource clock;

    MetricsHandler(NodeRegistry nodes, NodeMetricsHistory history, InstantSource clock) {
        this.nodes = nodes;
        this.history = history;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.get("/v1/metrics/nodes/{id}", Access.VIEWER, "metrics", "A node's metrics history: cpu, memory,"
                        + " disk-free, load1, net-rx, net-tx, as min/avg/max per step")
                .query("from", "an ISO-8601 instant or how long ago (1h, 30d); default 1h")
                .query("to", "an ISO-8601 instant or how long ago; default now")
                .query("step", "bucket width (30s, 1m, 10m); default about 120 points")
                .returns(NodeMetricsView.class).errors(404).handle(this::node);
    }

    private void node(Context ctx) {
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        Validator v = new Validator();
        Instant from = instant(v, "from", ctx.queryParam("from"), now.minus(Duration.ofHours(1)), now);
        Instant to = instant(v, "to", ctx.queryParam("to"), now, now);
        v.throwIfInvalid();
        v.check(from.isBefore(to), "from", "must be before to (" + to + ")");
        v.check(Duration.between(from, to).compareTo(MAX_RANGE) <= 0, "from",
                "reaches back more than 31 days before to: history is kept for 30 days");
        v.throwIfInvalid();
        Duration step = step(v, ctx.queryParam("step"), Duration.between(from, to));
        v.throwIfInvalid();
        v.check(Duration.between(from, to).toSeconds() / Math.max(1, step.toSeconds()) <= MAX_POINTS, "step",
                "gives more than 10,000 points over this range: use a wider step");
        v.throwIfInvalid();
        nodes.cached(id).orElseThrow(() -> new ApiError.NotFound("node", id));
        Map<String, List<MetricPointView>> series = new LinkedHashMap<>();
        history.query(id, from, to, step).forEach((name, points) -> series.put(name, points.stream()
                .map(p -> new MetricPointView(p.time(), p.min(), p.avg(), p.max())).toList()));
        ctx.json(new NodeMetricsView(id, from, to, step, series));
    }

    private static Instant instant(Validator v, String field, String text, Instant fallback, Instant now) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.contains("T") ? Instant.parse(text.strip()) : now.minus(duration(text));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            v.add(field, "'" + text + "' is neither an ISO-8601 instant (2026-11-22T06:00:00Z) nor a duration"
                    + " ago (1h, 30d)");
            return fallback;
        }
    }

    private static Duration step(Validator v, String text, Duration range) {
        if (text == null || text.isBlank()) {
            return Duration.ofSeconds(Math.max(1, range.toSeconds() / DEFAULT_POINTS));
        }
        try {
            Duration step = duration(text);
            v.check(!step.isNegative() && step.toSeconds() >= 1, "step", "must be at least 1s");
            return step.toSeconds() >= 1 ? step : Duration.ofSeconds(1);
        } catch (IllegalArgumentException e) {
            v.add("step", "'" + text + "' is not a duration such as 30s, 1m, 10m");
            return Duration.ofSeconds(1);
        }
    }

    private static Duration duration(String text) {
        return Durations.parse(text.strip().toLowerCase(Locale.ROOT));
    }
}
