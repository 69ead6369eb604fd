package io.cluman.server.events;

import io.cluman.model.event.Action;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.store.StoreException;
import io.cluman.store.repo.EventLog;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events. Publishing writes the event to the store; every server's {@link EventFeed} sees it
 * through its watch and hands it to listeners and streams. Safe to call from any thread.
 */
public final class EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final EventLog log;
    private final InstantSource clock;

    public EventBus(EventLog log, InstantSource clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Publishes an event; a store failure is logged, never thrown (events must not break the work they describe). */
    public void publish(Topic topic, Action action, Severity severity, String kind, String objectId, String message,
                        Map<String, String> attributes) {
        Event event = new Event(0, clock.instant(), topic, action, severity, kind, objectId, message, attributes);
        try {
            log.append(event);
        } catch (StoreException e) {
            LOG.warn("event not recorded ({}): {}", e.getMessage(), message);
        }
        if (severity.atLeast(Severity.WARNING)) {
            LOG.warn("[{}] {} {} {}: {}", topic.busName(), action.wireName(), kind, objectId, message);
        } else {
            LOG.info("[{}] {} {} {}: {}", topic.busName(), action.wireName(), kind, objectId, message);
        }
    }

    public void info(Topic topic, Action action, String kind, String objectId, String message) {
        publish(topic, action, Severity.INFO, kind, objectId, message, Map.of());
    }

    public void warn(Topic topic, Action action, String kind, String objectId, String message) {
        publish(topic, action, Severity.WARNING, kind, objectId, message, Map.of());
    }
}
