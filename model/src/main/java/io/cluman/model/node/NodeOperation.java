package io.cluman.model.node;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An operator's request to move a node through its lifecycle; each runs as a job. */
public enum NodeOperation {
    COMMISSION, DRAIN, DECOMMISSION, UPGRADE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code commission}, {@code DRAIN}, ...; throws IllegalArgumentException naming the accepted values. */
    @JsonCreator
    public static NodeOperation parse(String text) {
        for (NodeOperation op : values()) {
            if (op.name().equalsIgnoreCase(text)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + text + "': use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(NodeOperation::wireName).collect(Collectors.joining(", "));
    }
}
