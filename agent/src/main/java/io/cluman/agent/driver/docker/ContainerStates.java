package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.HostConfig;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.model.container.TaskState;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The engine's container state as a {@link TaskStatus}.
 *
 * <pre>
 *   created                      ─► STARTING
 *   running, paused, restarting  ─► RUNNING
 *   exited, dead, removing       ─► EXITED (code 0) / FAILED (other code, OOM kill, engine error)
 * </pre>
 */
final class ContainerStates {
    private ContainerStates() {
    }

    static TaskStatus status(ContainerState state, HostConfig host) {
        String status = state.getStatus() == null ? "" : state.getStatus();
        Instant started = time(state.getStartedAt());
        String error = state.getError() == null ? "" : state.getError().strip();
        return switch (status) {
            case "created" -> new TaskStatus(TaskState.STARTING, null, error, null, null);
            case "running", "paused", "restarting" -> new TaskStatus(TaskState.RUNNING, null, error, started, null);
            default -> ended(state, host, started, error);
        };
    }

    private static TaskStatus ended(ContainerState state, HostConfig host, Instant started, String error) {
        Instant finished = time(state.getFinishedAt());
        Long code = state.getExitCodeLong();
        if (Boolean.TRUE.equals(state.getOOMKilled())) {
            long limit = host == null || host.getMemory() == null ? 0 : host.getMemory();
            error = "killed by the kernel: out of memory" + (limit > 0 ? " (limit " + limit + " bytes)" : "")
                    + (error.isEmpty() ? "" : "; " + error);
        }
        if (code == null) {
            return new TaskStatus(TaskState.FAILED, null, error.isEmpty() ? "the container ended without an exit code"
                    : error, started, finished);
        }
        TaskStatus status = TaskStatus.ended(code.intValue(), error, started, finished);
        if (!error.isEmpty() && status.state() == TaskState.EXITED) {
            return new TaskStatus(TaskState.FAILED, status.exitCode(), error, started, finished);
        }
        return status;
    }

    /** The engine's RFC 3339 time; null for its zero time ({@code 0001-01-01T00:00:00Z}) or garbage. */
    static Instant time(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
