package io.cluman.model.job;

/** A job's state; it only moves forward: PENDING → RUNNING → SUCCEEDED | FAILED | CANCELLED. */
public enum JobState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
