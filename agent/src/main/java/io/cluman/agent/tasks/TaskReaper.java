package io.cluman.agent.tasks;

import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the tasks of allocations that left this node and removes them afterwards, in the background and a few
 * at a time: the runner of a removed allocation ends once its task is stopped (what a scale-down waits for),
 * and the removal of what is left (a container and its copy of the image's files) waits until no stop is under
 * way (at most {@link #QUIET_WAIT}), so it does not compete with them for the engine.
 * A removal that fails is tried again, with back-off, until it succeeds or the agent stops; what an agent
 * that stopped meanwhile left behind, the next one removes (labelled tasks no longer allocated, see
 * {@link TaskSupervisor}). Thread-safe.
 */
final class TaskReaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskReaper.class);
    /** Removals under way at once: the engine serialises much of a removal; more only competes with starts. */
    static final int AT_ONCE = 4;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** The longest a removal waits for the stops under way to end. */
    static final Duration QUIET_WAIT = Duration.ofSeconds(30);

    private final Semaphore slots = new Semaphore(AT_ONCE);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    private int stopping; // guarded by lock
    private volatile boolean closed;

    /**
     * Stops {@code handle}'s task on the calling thread (SIGTERM, then SIGKILL after {@code grace}), then
     * removes it in the background, retrying until it is gone.
     *
     * @throws io.cluman.agent.driver.DriverException when the stop fails (nothing is removed then)
     */
    void stopThenRemove(TaskDriver driver, TaskHandle handle, Duration grace) {
        lock.lock();
        try {
            stopping++;
        } finally {
            lock.unlock();
        }
        try {
            driver.stop(handle, grace, "TERM");
        } finally {
            lock.lock();
            try {
                if (--stopping == 0) {
                    quiet.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
        remove(driver, handle);
    }

    /** Removes {@code handle}'s task with {@code driver} in the background, retrying until it is gone. */
    void remove(TaskDriver driver, TaskHandle handle) {
        Thread.ofVirtual().name("reap-" + handle.allocId()).start(() -> reap(driver, handle));
    }

    private void reap(TaskDriver driver, TaskHandle handle) {
        Duration pause = FIRST_RETRY;
        try {
            while (!closed) {
                awaitQuiet();
                if (destroyOnce(driver, handle)) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
                pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no stop is under way, at most {@link #QUIET_WAIT}. */
    private void awaitQuiet() throws InterruptedException {
        lock.lock();
        try {
            long nanos = QUIET_WAIT.toNanos();
            while (stopping > 0 && nanos > 0) {
                nanos = quiet.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One try; whether the task is gone. */
    private boolean destroyOnce(TaskDriver driver, TaskHandle handle) throws InterruptedException {
        slots.acquire();
        try {
            driver.destroy(handle);
            return true;
        } catch (RuntimeException e) { // a DriverException mostly; any failure is retried
            LOG.warn("cannot remove {} ({}) of allocation {} yet: {}; trying again", handle.name(),
                    handle.runtimeId(), handle.allocId(), e.getMessage());
            return false;
        } finally {
            slots.release();
        }
    }

    /** Stops retrying; removals under way finish. The next agent removes what is left. */
    @Override
    public void close() {
        closed = true;
    }
}
