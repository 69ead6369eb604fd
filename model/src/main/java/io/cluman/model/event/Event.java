package io.cluman.model.event;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event. {@code id} increases with time across the whole control plane (it is the store revision
 * that recorded the event), so a stream can resume after the last id it saw.
 *
 * @param kind     the kind of object ({@code node}, {@code cluster}, {@code job}, ...)
 * @param objectId the object's id or name
 */
public record Event(long id, Instant time, Topic topic, Action action, Severity severity, String kind,
                    String objectId, String message, Map<String, String> attributes) {
    public Event {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
        message = message == null ? "" : message;
    }

    public Event withId(long newId) {
        return new Event(newId, time, topic, action, severity, kind, objectId, message, attributes);
    }

    /** Whether this event shows on {@code wanted}: its own topic, or the errors bus when severe enough. */
    public boolean isOn(Topic wanted) {
        return topic == wanted || (wanted == Topic.ERRORS && severity.atLeast(Severity.WARNING));
    }
}
