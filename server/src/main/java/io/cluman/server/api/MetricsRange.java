package io.cluman.server.api;

import io.cluman.model.api.MetricPointView;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import io.cluman.server.metrics.MetricPoint;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code from}, {@code to} and {@code step} of a metrics history query, checked: {@code from} and
 * {@code to} are ISO-8601 instants or how long ago ({@code 1h}, {@code 30d}), by default the last hour up to
 * now; {@code step} is a duration of at least 1 s, by default about 120 points; at most 31 days and 10,000
 * points. Every metrics route takes the same three.
 */
record MetricsRange(Instant from, Instant to, Duration step) {
    private static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final int DEFAULT_POINTS = 120;
    private static final long MAX_POINTS = 10_000;

    /** Documents the three query parameters on a route. */
    static Routes.Route documented(Routes.Route route) {
        return route.query("from", "an ISO-8601 instant or how long ago (1h, 30d); default 1h")
                .query("to", "an ISO-8601 instant or how long ago; default now")
                .query("step", "bucket width (30s, 1m, 10m); default about 120 points");
    }

    /**
     * The range the request asks for.
     *
     * @throws io.cluman.model.validation.ValidationException naming {@code from}, {@code to} or {@code step}
     */
    static MetricsRange of(Context ctx, Instant now) {
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
        return new MetricsRange(from, to, step);
    }

    /** The store's answer as the API shows it, in the same series order. */
    static Map<String, List<MetricPointView>> views(Map<String, List<MetricPoint>> series) {
        Map<String, List<MetricPointView>> views = new LinkedHashMap<>();
        series.forEach((name, points) -> views.put(name, points.stream()
                .map(p -> new MetricPointView(p.time(), p.min(), p.avg(), p.max())).toList()));
        return views;
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
