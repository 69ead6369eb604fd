package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a container's health is checked: a command in it, an HTTP GET, or a TCP connect on the node. */
public enum HealthCheckType {
    COMMAND, HTTP, TCP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static HealthCheckType parse(String text) {
        for (HealthCheckType t : values()) {
            if (t.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a health check type: use command, http or tcp");
    }
}
