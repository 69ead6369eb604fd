package io.cluman.agent.health;

import io.cluman.agent.driver.ExecSource;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.model.container.HealthCheck;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one task's health on its own virtual thread: reads STARTING at once, then waits an interval,
 * runs the check (bounded by its timeout), waits an interval again, and so on, so checks of a task
 * never overlap. Every change of health goes to the listener, on the checker's thread (a change found
 * while {@link #close()} runs may still go: a listener that must drop it knows the checker it heard).
 */
public final class HealthChecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

    private final String name;
    private final HealthCheck check;
    private final HealthProbe probe;
    private final InstantSource clock;
    private final Consumer<HealthReading> changes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private boolean closed;
    private Thread thread;

    HealthChecker(String name, HealthCheck check, HealthProbe probe, InstantSource clock,
                  Consumer<HealthReading> changes) {
        this.name = name;
        this.check = check;
        this.probe = probe;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * A checker of {@code check} for the task {@code handle} of {@code driver}: a command check runs
     * through the driver's {@link ExecSource}, http and tcp checks on the node's loopback address.
     */
    public static HealthChecker of(HealthCheck check, TaskDriver driver, TaskHandle handle, InstantSource clock,
                                   Consumer<HealthReading> changes) {
        HealthProbe probe = switch (check.type()) {
            case COMMAND -> driver instanceof ExecSource exec ? new CommandProbe(exec, handle, check.argv())
                    : timeout -> ProbeResult.fail("the " + driver.name() + " driver cannot run commands in its tasks");
            case HTTP -> HttpProbe.of(check.port(), check.path());
            case TCP -> TcpProbe.local(check.port());
        };
        return new HealthChecker(handle.allocId(), check, probe, clock, changes);
    }

    public void start() {
        thread = Thread.ofVirtual().name("health-" + name).start(this::run);
    }

    private void run() {
        HealthTracker tracker = new HealthTracker(check, clock.instant());
        publish(tracker.reading());
        try {
            while (pause(check.interval())) {
                ProbeResult result = runProbe();
                if (tracker.record(result, clock.instant())) {
                    LOG.info("task {} is {}{}", name, tracker.reading().health().wireName(),
                            tracker.reading().reason() == null ? "" : ": " + tracker.reading().reason());
                    publish(tracker.reading());
                }
            }
        } catch (InterruptedException e) {
            // closed while checking or waiting
        }
    }

    private ProbeResult runProbe() throws InterruptedException {
        try {
            return probe.run(check.timeout());
        } catch (RuntimeException e) {
            return ProbeResult.fail(e.toString());
        }
    }

    /** Tells the listener unless closed (not under the lock: the listener may take locks of its own). */
    private void publish(HealthReading reading) {
        boolean open;
        lock.lock();
        try {
            open = !closed;
        } finally {
            lock.unlock();
        }
        if (open) {
            changes.accept(reading);
        }
    }

    /** Waits {@code interval} unless closed first; whether to go on. */
    private boolean pause(Duration interval) throws InterruptedException {
        lock.lock();
        try {
            long nanos = interval.toNanos();
            while (!closed && nanos > 0) {
                nanos = closing.awaitNanos(nanos);
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Stops checking: a check under way is interrupted, and no change found later is passed on. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
