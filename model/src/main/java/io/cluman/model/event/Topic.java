package io.cluman.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The event buses. {@link #ERRORS} carries every event of severity WARNING or worse, whatever its topic. */
public enum Topic {
    NODE("bus.cluman.node"),
    DOCKER_SERVICE("bus.cluman.dockerservice"),
    LOG_APPLICATION("bus.cluman.log.application"),
    LOG_REGISTRY("bus.cluman.log.registry"),
    LOG_DOCKER("bus.cluman.log.docker"),
    LOG_NODES_GROUP("bus.cluman.log.nodesGroup"),
    JOB("bus.cluman.job"),
    ERRORS("bus.cluman.errors"),
    SERVICE("bus.cluman.service"),
    CHECK("bus.cluman.check"),
    ALERT("bus.cluman.alert"),
    AUDIT("bus.cluman.audit");

    private final String busName;

    Topic(String busName) {
        this.busName = busName;
    }

    @JsonValue
    public String busName() {
        return busName;
    }

    /** Accepts the bus name ({@code bus.cluman.node}) or the short name ({@code node}). */
    @JsonCreator
    public static Topic parse(String text) {
        for (Topic t : values()) {
            if (t.busName.equalsIgnoreCase(text) || t.busName.substring("bus.cluman.".length()).equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + text + "': use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Topic::busName).collect(Collectors.joining(", "));
    }
}
