package io.cluman.model.agent;

import io.cluman.model.container.TaskState;
import java.time.Instant;

/**
 * An agent's report of one allocation's state; sent as soon as it changes.
 *
 * @param failure why the task could not start, when it is a pull failure; null otherwise
 */
public record TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                         String error, String runtimeId, Instant startedAt, Instant finishedAt, TaskFailure failure) {
    /** A report without a failure kind. */
    public TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                      String error, String runtimeId, Instant startedAt, Instant finishedAt) {
        this(allocId, generation, state, exitCode, restarts, error, runtimeId, startedAt, finishedAt, null);
    }
}
