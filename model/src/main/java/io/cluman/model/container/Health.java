package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a container's health check says, as its agent reports it.
 *
 * <pre>
 *   STARTING ──pass──► HEALTHY ──retries consecutive failures──► UNHEALTHY
 *      │                  ▲                                          │
 *      └──retries failures after the start period──► UNHEALTHY ──pass┘
 * </pre>
 */
public enum Health {
    /** In the start period, or no check has passed or failed often enough yet. */
    STARTING,
    HEALTHY,
    /** The last {@code retries} checks failed. */
    UNHEALTHY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Health parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
