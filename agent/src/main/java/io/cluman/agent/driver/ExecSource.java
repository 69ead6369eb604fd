package io.cluman.agent.driver;

import java.time.Duration;
import java.util.List;

/** A driver that can run a command inside a running task: what command health checks use. */
public interface ExecSource {
    /**
     * Runs {@code argv} in the task and returns when it ended or {@code timeout} passed. Docker: an exec
     * in the container. Process: a child of the agent in the task's working dir with the task's
     * environment.
     *
     * <p>A command still running at the timeout is killed where the driver can (process); the Docker
     * Engine has no way to end an exec, so there it is left to end by itself.
     *
     * @param argv the program and its arguments (not a shell line: wrap one in {@code sh -c})
     * @throws DriverException      NOT_FOUND when the task is gone or does not run
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    ExecResult exec(TaskHandle handle, List<String> argv, Duration timeout) throws InterruptedException;
}
