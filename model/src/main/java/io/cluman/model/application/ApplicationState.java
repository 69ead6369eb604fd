package io.cluman.model.application;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where an application is.
 *
 * <pre>
 *   deploy/start ──► DEPLOYING ──(every service released and its replicas running)──► RUNNING
 *                        │                                                              │
 *                        └──(a dependency exited non-zero)──► FAILED        stop ──► STOPPED ──start──► DEPLOYING
 * </pre>
 */
public enum ApplicationState {
    DEPLOYING, RUNNING, STOPPED, FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
