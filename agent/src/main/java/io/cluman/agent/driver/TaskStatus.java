package io.cluman.agent.driver;

import io.cluman.model.container.TaskState;
import java.time.Instant;
import java.util.Objects;

/**
 * What a task is doing now, as its driver sees it.
 *
 * <p>A driver reports {@link TaskState#STARTING} (created, not yet running), {@link TaskState#RUNNING},
 * {@link TaskState#EXITED} (ended with exit code 0) or {@link TaskState#FAILED} (ended with another code,
 * killed by a signal — the code is then 128 + signal — or ended in a way that left no exit code, in
 * which case {@code exitCode} is null and {@code error} says why). Whether the end was asked for (a
 * stop) is the runner's knowledge, not the driver's.
 *
 * @param exitCode   null while the task runs, or when it is unknown
 * @param error      what went wrong, as the engine says it; empty when nothing did
 * @param startedAt  when the task's process started; null before
 * @param finishedAt when it ended; null while it runs or when unknown
 */
public record TaskStatus(TaskState state, Integer exitCode, String error, Instant startedAt, Instant finishedAt) {
    public TaskStatus {
        Objects.requireNonNull(state, "state");
        error = error == null ? "" : error;
    }

    /** The status of a task that ended with {@code exitCode} (EXITED for 0, FAILED otherwise). */
    public static TaskStatus ended(int exitCode, String error, Instant startedAt, Instant finishedAt) {
        return new TaskStatus(exitCode == 0 ? TaskState.EXITED : TaskState.FAILED, exitCode, error, startedAt,
                finishedAt);
    }

    /** Whether the task still runs (or is about to). */
    public boolean isRunning() {
        return state == TaskState.RUNNING || state == TaskState.STARTING;
    }
}
