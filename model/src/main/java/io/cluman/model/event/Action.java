package io.cluman.model.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to the object of an event. */
public enum Action {
    CREATE, UPDATE, DELETE, START, STOP, DIE, ONLINE, OFFLINE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
