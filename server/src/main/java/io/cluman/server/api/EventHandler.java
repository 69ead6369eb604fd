package io.cluman.server.api;

import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.validation.Validator;
import io.cluman.server.events.EventFeed;
import io.cluman.server.events.EventSubscription;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /v1/events}: recent events, and the live stream as server-sent events. A stream resumes after
 * the id in {@code Last-Event-ID} (or {@code ?lastEventId=}); it pings every 15 s so proxies keep it open.
 * Each stream holds one virtual thread.
 */
final class EventHandler {
    private static final int MAX_LIMIT = 10_000;
    private static final Duration PING = Duration.ofSeconds(15);

    private final EventFeed events;
    private final EventFeed errors;

    EventHandler(EventFeed events, EventFeed errors) {
        this.events = events;
        this.errors = errors;
    }

    void register(Routes routes) {
        routes.get("/v1/events", Access.VIEWER, "events", "Recent events, oldest first")
                .query("topic", "a bus name such as bus.cluman.node (or node); bus.cluman.errors: WARNING and worse")
                .query("severity", "minimum severity: INFO, WARNING, ERROR")
                .query("since", "only events after this: an event id, or an ISO-8601 time such as 2026-11-21T10:00:00Z").query("limit", "at most this many (100)")
                .returnsList(Event.class).handle(this::list);
        routes.get("/v1/events/stream", Access.VIEWER, "events", "Live events as server-sent events")
                .query("topic", "as for /v1/events").query("severity", "as for /v1/events")
                .query("lastEventId", "resume after this id (or the Last-Event-ID header)")
                .returns(Event.class).contentType("text/event-stream").handle(this::stream);
    }

    private record Query(EventFeed feed, Predicate<Event> filter, long since, int limit) {
    }

    private Query query(Context ctx, String sinceParam) {
        Validator v = new Validator();
        Topic topic = parse(v, "topic", ctx.queryParam("topic"), Topic::parse);
        Severity severity = parse(v, "severity", ctx.queryParam("severity"), Severity::parse);
        String rawSince = sinceValue(ctx, sinceParam);
        boolean sinceIsId = rawSince == null || rawSince.chars().allMatch(Character::isDigit);
        Long since = sinceIsId ? parse(v, sinceParam, rawSince, Long::parseLong) : null;
        Instant sinceTime = sinceIsId ? null : parse(v, sinceParam, rawSince, EventHandler::instant);
        Integer limit = parse(v, "limit", ctx.queryParam("limit"), Integer::parseInt);
        v.check(limit == null || (limit >= 1 && limit <= MAX_LIMIT), "limit", "must be between 1 and " + MAX_LIMIT);
        v.throwIfInvalid();
        EventFeed feed = topic == Topic.ERRORS ? errors : events;
        Predicate<Event> filter = e -> (topic == null || topic == Topic.ERRORS || e.topic() == topic)
                && (severity == null || e.severity().atLeast(severity))
                && (sinceTime == null || e.time().isAfter(sinceTime));
        return new Query(feed, filter, since == null ? 0 : since, limit == null ? 100 : limit);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an event id nor an ISO-8601 time such as"
                    + " 2026-11-21T10:00:00Z");
        }
    }

    private static String sinceValue(Context ctx, String param) {
        String value = ctx.queryParam(param);
        if (value == null && param.equals("lastEventId")) {
            value = ctx.header("Last-Event-ID");
        }
        return value;
    }

    private static <T> T parse(Validator v, String field, String raw, java.util.function.Function<String, T> parser) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            v.add(field, e instanceof NumberFormatException ? "'" + raw + "' is not a number" : e.getMessage());
            return null;
        }
    }

    private void list(Context ctx) {
        Query q = query(ctx, "since");
        ctx.json(q.feed().recent(q.filter(), q.since(), q.limit()));
    }

    private void stream(Context ctx) throws IOException, InterruptedException {
        Query q = query(ctx, "lastEventId");
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        write(out, ": connected\n\n");
        try (EventSubscription subscription = q.feed().subscribe(q.filter(), q.since())) {
            while (!subscription.isClosed()) {
                Optional<Event> next = subscription.next(PING);
                if (next.isPresent()) {
                    Event e = next.get();
                    write(out, "id: " + e.id() + "\nevent: " + e.topic().busName() + "\ndata: "
                            + ApiJson.MAPPER.writeValueAsString(e) + "\n\n");
                } else {
                    write(out, ": ping\n\n");
                }
            }
        } catch (IOException clientLeft) {
            // the client closed the stream: nothing to clean beyond the subscription
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
