package io.cluman.model.container;

/**
 * What a container is doing, as its node's agent reports it. {@code LOST}: its node went off and the
 * server no longer knows.
 */
public enum TaskState {
    PENDING, PULLING, STARTING, RUNNING, EXITED, FAILED, LOST;

    public boolean isActive() {
        return this == PULLING || this == STARTING || this == RUNNING;
    }
}
