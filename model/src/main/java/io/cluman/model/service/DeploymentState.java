package io.cluman.model.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a deployment is. It only moves forward:
 * <pre>
 *   RUNNING ──all replicas new and healthy──► SUCCESSFUL
 *      ├──a new replica failed / unhealthy / late──► FAILED
 *      │                       └──autoRevert: a new deployment of the last good template──► REVERTED
 *      └──a newer spec was written meanwhile──► FAILED (superseded)
 * </pre>
 */
public enum DeploymentState {
    RUNNING, SUCCESSFUL, FAILED, REVERTED;

    public boolean isFinished() {
        return this != RUNNING;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeploymentState parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
