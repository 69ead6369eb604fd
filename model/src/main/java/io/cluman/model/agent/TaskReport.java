package io.cluman.model.agent;

import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import java.time.Instant;

/**
 * An agent's report of one allocation's state; sent as soon as it (or its health) changes.
 *
 * @param health       what the task's health check says; null when it has none or the task does not run
 * @param healthReason when unhealthy: the output of the failure that made it so
 * @param failure      why the task could not start, when it is a pull failure; null otherwise
 */
public record TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                         String error, String runtimeId, Instant startedAt, Instant finishedAt, Health health,
                         String healthReason, TaskFailure failure) {
    /** A report without health and failure kind. */
    public TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                      String error, String runtimeId, Instant startedAt, Instant finishedAt) {
        this(allocId, generation, state, exitCode, restarts, error, runtimeId, startedAt, finishedAt, null, null, null);
    }

    /** A report with a health reading and no failure kind. */
    public TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                      String error, String runtimeId, Instant startedAt, Instant finishedAt, Health health,
                      String healthReason) {
        this(allocId, generation, state, exitCode, restarts, error, runtimeId, startedAt, finishedAt, health,
                healthReason, null);
    }

    /** A report with a failure kind and no health. */
    public TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                      String error, String runtimeId, Instant startedAt, Instant finishedAt, TaskFailure failure) {
        this(allocId, generation, state, exitCode, restarts, error, runtimeId, startedAt, finishedAt, null, null,
                failure);
    }

    /** This report with another health reading. */
    public TaskReport withHealth(Health newHealth, String newReason) {
        return new TaskReport(allocId, generation, state, exitCode, restarts, error, runtimeId, startedAt, finishedAt,
                newHealth, newReason, failure);
    }
}
