package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The drivers a container can run on: a Docker Engine, or a plain child process of the agent. */
public enum DriverName {
    DOCKER, PROCESS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DriverName parse(String text) {
        for (DriverName d : values()) {
            if (d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown driver '" + text + "': use docker or process");
    }
}
