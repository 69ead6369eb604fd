package io.cluman.agent.health;

import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.model.container.HealthCheck;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The health checker of a task runner's current task: {@link #watch} starts one for a running task
 * (once per task), {@link #stop} ends it when the task ends or is stopped. {@code onChange} runs on the
 * checker's thread after each change of {@link #current()}. Thread-safe.
 */
public final class HealthWatch implements AutoCloseable {
    private final InstantSource clock;
    private final Runnable onChange;
    private final ReentrantLock lock = new ReentrantLock();
    private HealthChecker checker;
    private TaskHandle watched;
    private HealthReading reading;
    /** Grows with every checker, so a change from a stopped one is known and dropped. */
    private long generation;

    public HealthWatch(InstantSource clock, Runnable onChange) {
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Checks {@code handle}'s health by {@code check} (null: none) unless it is checked already. */
    public void watch(HealthCheck check, TaskDriver driver, TaskHandle handle) {
        lock.lock();
        try {
            if (Objects.equals(watched, handle)) {
                return;
            }
            stopLocked();
            watched = handle;
            if (check != null) {
                long mine = ++generation;
                HealthChecker started = HealthChecker.of(check, driver, handle, clock, r -> changed(mine, r));
                checker = started;
                started.start();
            }
        } finally {
            lock.unlock();
        }
    }

    /** What the current task's check says; null when it has none or none runs. */
    public HealthReading current() {
        lock.lock();
        try {
            return reading;
        } finally {
            lock.unlock();
        }
    }

    /** Stops checking; {@link #current()} is null from now. */
    public void stop() {
        lock.lock();
        try {
            stopLocked();
        } finally {
            lock.unlock();
        }
    }

    private void stopLocked() {
        if (checker != null) {
            checker.close();
            generation++;
        }
        checker = null;
        watched = null;
        reading = null;
    }

    private void changed(long from, HealthReading next) {
        lock.lock();
        try {
            if (from != generation) {
                return; // its checker was stopped meanwhile
            }
            reading = next;
        } finally {
            lock.unlock();
        }
        onChange.run();
    }

    @Override
    public void close() {
        stop();
    }
}
