package io.cluman.agent.tasks;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for one task to end on a virtual thread of its own, so the task runner can wait for "the task
 * ended" and "the allocation changed" at once, without polling the engine: the driver's
 * {@link TaskDriver#await} blocks in long rounds. {@link #ended()} completes with the final status, or
 * exceptionally with the driver's error (the engine stopped answering, the task is gone).
 */
final class TaskWatch implements AutoCloseable {
    private static final Duration ROUND = Duration.ofMinutes(1);

    private final TaskHandle handle;
    private final CompletableFuture<TaskStatus> ended = new CompletableFuture<>();
    private final Thread thread;

    private TaskWatch(TaskDriver driver, TaskHandle handle, Runnable onEnd) {
        this.handle = handle;
        ended.whenComplete((status, error) -> onEnd.run());
        this.thread = Thread.ofVirtual().name("watch-" + handle.allocId()).start(() -> run(driver));
    }

    /** Starts watching; {@code onEnd} runs (on the watching thread) once {@link #ended()} completes. */
    static TaskWatch start(TaskDriver driver, TaskHandle handle, Runnable onEnd) {
        return new TaskWatch(driver, handle, onEnd);
    }

    private void run(TaskDriver driver) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                TaskStatus status = driver.await(handle, ROUND);
                if (!status.isRunning()) {
                    ended.complete(status);
                    return;
                }
            }
        } catch (DriverException e) {
            ended.completeExceptionally(e);
        } catch (InterruptedException e) {
            // closed: nobody waits any more
        } catch (RuntimeException e) {
            ended.completeExceptionally(e);
        }
    }

    TaskHandle handle() {
        return handle;
    }

    CompletableFuture<TaskStatus> ended() {
        return ended;
    }

    /** Stops watching (the task itself is not touched). */
    @Override
    public void close() {
        thread.interrupt();
    }
}
