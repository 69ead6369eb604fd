package io.cluman.server.api;

import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.server.events.EventBus;
import java.util.Locale;
import java.util.Map;

/**
 * Records who changed what, when and from where on {@code bus.cluman.audit}: one event per successful
 * mutation of the API, written by {@link ApiServer}'s after-handler, never by the handlers themselves.
 */
public final class AuditTrail {
    private final EventBus events;

    public AuditTrail(EventBus events) {
        this.events = events;
    }

    /** Records that {@code who} did {@code method path} from {@code from} and got {@code status}. */
    void record(String who, String method, String path, String from, int status) {
        String m = method.toUpperCase(Locale.ROOT);
        Action action = switch (m) {
            case "POST" -> Action.CREATE;
            case "DELETE" -> Action.DELETE;
            default -> Action.UPDATE;
        };
        events.publish(Topic.AUDIT, action, Severity.INFO, "request", who, who + " " + m + " " + path + " from "
                + from + " -> " + status, Map.of("who", who, "method", m, "path", path, "from", from,
                "status", Integer.toString(status)));
    }
}
