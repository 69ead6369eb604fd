package io.cluman.agent.driver;

import io.cluman.model.node.DriverHealth;
import java.time.Duration;
import java.util.List;

/**
 * Runs tasks on one kind of runtime: the SPI between the agent's task runners and an engine, shaped
 * like Nomad's driver plugins. Optional abilities are separate interfaces ({@link LogSource}, {@link ExecSource},
 * {@link StatsSource}); test with {@code instanceof}.
 *
 * <pre>
 *   start ──► STARTING ──► RUNNING ──► EXITED (code 0) / FAILED (other code, signal, lost)
 *               │                          ▲
 *               └──── stop(grace, signal) ─┘        destroy: remove what is left (any state)
 * </pre>
 *
 * <p>Every runtime object a driver creates carries the allocation and node ids (docker: labels
 * {@code cluman.alloc}, {@code cluman.node}, {@code cluman.name}; process: its task dir's state file),
 * so a new agent finds its tasks with {@link #recover} after a restart. Closing a driver or the agent
 * never stops tasks.
 *
 * <p>Implementations are thread-safe; calls for different tasks may run at once. Every call but
 * {@link #await}, {@link #stop} and the log follow returns within seconds (an image pull excepted).
 */
public interface TaskDriver extends DriverProbe, AutoCloseable {
    /** {@code docker} or {@code process}: the name nodes report and specs ask for. */
    @Override
    String name();

    /** Whether the engine answers now; cheap, bounded, never throws. */
    @Override
    DriverHealth health();

    /**
     * Creates and starts the task (pulling its image first when needed). Either the task runs (or ran:
     * it may end at once) and a handle comes back, or nothing is left behind and it throws.
     *
     * @throws DriverException INVALID_SPEC, IMAGE_NOT_FOUND, PULL_FAILED, PORT_IN_USE, CONFLICT (a
     *                         task of this allocation exists: destroy it first), START_FAILED,
     *                         ENGINE_UNAVAILABLE
     */
    TaskHandle start(TaskRequest request);

    /**
     * The task's state now.
     *
     * @throws DriverException NOT_FOUND when the task is gone (destroyed, or removed behind the
     *                         agent's back)
     */
    TaskStatus inspect(TaskHandle handle);

    /**
     * Blocks until the task no longer runs or {@code timeout} passes, then returns its status (still
     * running when the timeout passed).
     *
     * @throws DriverException      NOT_FOUND when the task is gone
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    TaskStatus await(TaskHandle handle, Duration timeout) throws InterruptedException;

    /**
     * Sends {@code signal} to the task (all its processes), waits up to {@code grace} for it to end,
     * then kills it with SIGKILL; returns once it no longer runs. Does nothing for a task that ended
     * or is gone. When the calling thread is interrupted it kills at once, returns, and keeps the
     * interrupt flag set.
     *
     * @param signal {@code TERM}, {@code SIGINT}, {@code 15}, ...; null or blank: {@code TERM}
     * @throws DriverException INVALID_SPEC for an unknown signal
     */
    void stop(TaskHandle handle, Duration grace, String signal);

    /**
     * Kills the task if it still runs and removes its runtime object (container, task dir, logs).
     * Idempotent: destroying a task that is gone does nothing.
     */
    void destroy(TaskHandle handle);

    /**
     * Every task this node's agent created that still has a runtime object, running or not: to
     * re-attach to after an agent restart and to clean up those the runner does not know.
     */
    List<TaskHandle> recover(String nodeId);

    /** What runs on the engine without Cluman's labels (docker); Cluman never touches these. */
    List<UnmanagedTask> unmanaged();

    /** Releases the driver's connections and threads. Never stops tasks. */
    @Override
    void close();
}
