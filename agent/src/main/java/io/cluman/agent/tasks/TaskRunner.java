package io.cluman.agent.tasks;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.agent.health.HealthReading;
import io.cluman.agent.health.HealthWatch;
import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.TaskFailure;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.TaskState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges one allocation on its own virtual thread: starts the task, watches it, restarts it by its
 * policy with back-off, restarts it when the generation moves, stops it when it should be stopped, and
 * stops it when the allocation goes (its {@link TaskReaper} removes it afterwards). A runner built from a
 * recovered handle re-attaches: it watches the running task and does not start another.
 *
 * <p>While the task runs, its spec's health check runs too ({@link HealthWatch}); a change of health is
 * reported at once, with the task's last state. An unhealthy task is not restarted.
 *
 * <pre>
 *  ┌─► no task ──start──► running ──ends──► ended ──policy: restart (back-off)──┐
 *  │                        │                  └──policy: stay──► waits for a change
 *  └────────────────────────┴── generation moved / stop / removed: stop (and destroy) ◄┘
 * </pre>
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String nodeId;
    private final TaskDriver driver;
    private final Consumer<TaskReport> reports;
    private final TaskReaper reaper;
    private final InstantSource clock = InstantSource.system();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Assignment wanted;
    private boolean removed;
    private volatile TaskHandle handle; // written by the runner's thread only; read by the local API
    private long appliedGeneration = -1;
    private int restarts;
    private volatile TaskState lastState; // written by the runner's thread; read by the stats loop
    private final ReentrantLock reportLock = new ReentrantLock();
    private final HealthWatch health = new HealthWatch(clock, this::healthChanged);
    private TaskReport lastReport;
    private TaskWatch watching; // the runner's thread only

    TaskRunner(String nodeId, TaskDriver driver, Assignment wanted, TaskHandle recovered, Consumer<TaskReport> reports,
               TaskReaper reaper) {
        this.nodeId = nodeId;
        this.driver = driver;
        this.wanted = wanted;
        this.handle = recovered;
        this.reports = reports;
        this.reaper = reaper;
        if (recovered != null) {
            appliedGeneration = wanted.generation();
        }
    }

    void start() {
        Thread.ofVirtual().name("task-" + wanted.allocId()).start(this::runSafely);
    }

    void update(Assignment next) {
        lock.lock();
        try {
            wanted = next;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The task this runner started or re-attached to, while it has one. */
    java.util.Optional<TaskHandle> handle() {
        return java.util.Optional.ofNullable(handle);
    }

    /** The task while it runs (as last reported), for the stats loop. */
    java.util.Optional<TaskHandle> running() {
        TaskHandle h = handle;
        return lastState == TaskState.RUNNING ? java.util.Optional.ofNullable(h) : java.util.Optional.empty();
    }

    /** Sends the last report again (the server may have marked the task lost while it could not hear us). */
    void reportAgain() {
        reportLock.lock();
        try {
            if (lastReport != null) {
                reports.accept(lastReport);
            }
        } finally {
            reportLock.unlock();
        }
    }

    void remove() {
        lock.lock();
        try {
            removed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runSafely() {
        try {
            run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("task runner of {} stopped: {}", wanted.allocId(), e.toString(), e);
        }
    }

    private void run() throws InterruptedException {
        while (true) {
            Assignment a = current();
            try {
                if (step(a)) {
                    return;
                }
            } catch (DriverException e) {
                // an engine that stops answering mid-step (restarting, say) must not end the runner
                LOG.warn("task {}: {}; trying again", a.allocId(), e.getMessage());
                if (isRemoved()) {
                    TimeUnit.NANOSECONDS.sleep(RETRY.toNanos()); // nothing more can change: just pause
                } else {
                    waitForChange(a, e.retryable() ? RETRY : Duration.ofMinutes(1));
                }
            }
        }
    }

    /** One round of converging; whether the allocation is gone and torn down (the runner ends). */
    private boolean step(Assignment a) throws InterruptedException {
        if (isRemoved()) {
            stopAndReap();
            return true;
        }
        if (handle != null && a.generation() != appliedGeneration && a.desired() == DesiredState.RUNNING) {
            teardown();
        }
        if (a.desired() == DesiredState.STOPPED) {
            closeWatch();
            health.stop();
            if (handle != null) {
                driver.stop(handle, GRACE, "TERM");
                reportStopped(handle);
            }
            appliedGeneration = a.generation();
            waitForChange(a, Duration.ofMinutes(1));
        } else if (handle == null) {
            launch(a);
        } else {
            watch(a);
        }
        return false;
    }

    /** Starts the task; on failure reports it and waits (back-off) or for a change of the allocation. */
    private void launch(Assignment a) throws InterruptedException {
        report(TaskState.STARTING, null, "", handle);
        try {
            handle = driver.start(new TaskRequest(a.allocId(), nodeId, a.spec(), DriverTerms.auth(a.login())));
            appliedGeneration = a.generation();
            // the start answered, so the task runs (or ran): no inspect; an end right away is the watch's to see
            report(new TaskStatus(TaskState.RUNNING, null, "", clock.instant(), null));
        } catch (DriverException e) {
            if (e.reason() == DriverException.Reason.CONFLICT && adoptOrClear(a)) {
                return;
            }
            report(TaskState.FAILED, e.getMessage(), DriverTerms.failure(e.reason()));
            RestartPolicy policy = RestartPolicy.parse(a.spec().restart());
            if (e.reason() == DriverException.Reason.ENGINE_UNAVAILABLE) {
                // never started, so no restart: try again once the engine answers, whatever the policy
                waitForChange(a, RestartPolicy.backoff(1));
            } else if (startsAgain(e.reason()) && policy.restarts(null, restarts)) {
                restarts++;
                waitForChange(a, RestartPolicy.backoff(restarts));
            } else {
                appliedGeneration = a.generation();
                waitForGeneration(a);
            }
        }
    }

    /**
     * Whether the restart policy may try a failed start again: when the same call may succeed later, and when the
     * engine or the OS refused the start (a start that fails is an end like any other: an engine that has just
     * come back can refuse the first starts, and {@code always} must not give up on them).
     */
    private static boolean startsAgain(DriverException.Reason reason) {
        return reason.retryable() || reason == DriverException.Reason.START_FAILED;
    }

    /**
     * Waits until the task ends or the allocation changes; once it has ended, applies the restart policy.
     * The waiting for the end is a {@link TaskWatch}'s, kept across calls while the handle stays.
     */
    private void watch(Assignment a) throws InterruptedException {
        if (watching == null || watching.handle() != handle) {
            closeWatch();
            if (lastState != TaskState.RUNNING) {
                observe(handle); // a re-attached task: say it runs
            }
            health.watch(a.spec().healthcheck(), driver, handle);
            watching = TaskWatch.start(driver, handle, this::wake);
        }
        if (!waitForChangeOrEnd(a, watching)) {
            return;
        }
        TaskStatus status;
        try {
            status = watching.ended().join();
        } catch (java.util.concurrent.CompletionException ce) {
            closeWatch();
            if (ce.getCause() instanceof DriverException e && e.retryable()) {
                // the engine does not answer (restarting, say): the task is neither gone nor known to run
                LOG.debug("cannot watch {}: {}", a.allocId(), e.getMessage());
                waitForChange(a, RETRY);
                return;
            }
            health.stop();
            report(TaskState.FAILED, null, "the task disappeared: " + ce.getCause().getMessage(), null);
            handle = null;
            return;
        }
        closeWatch();
        health.stop();
        report(status);
        RestartPolicy policy = RestartPolicy.parse(a.spec().restart());
        if (policy.restarts(status.exitCode(), restarts)) {
            restarts++;
            if (!waitForChange(a, RestartPolicy.backoff(restarts))) {
                TaskHandle ended = handle;
                handle = null; // should the removal fail, the next start's CONFLICT clears what is left
                driver.destroy(ended);
            }
        } else {
            waitForGeneration(a);
        }
    }

    private void closeWatch() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    /** The watched task ended (on the watch's thread): wake the runner. */
    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A task of this allocation exists though this runner has none (left by an engine restart, or created
     * by a start whose answer was lost): a running one is adopted, any other removed so the next round
     * starts afresh. Whether the conflict was resolved.
     */
    private boolean adoptOrClear(Assignment a) {
        try {
            for (TaskHandle found : driver.recover(nodeId)) {
                if (found.allocId().equals(a.allocId())) {
                    if (driver.inspect(found).isRunning()) {
                        handle = found;
                        appliedGeneration = a.generation();
                        observe(handle);
                    } else {
                        driver.destroy(found);
                    }
                    return true;
                }
            }
        } catch (DriverException e) {
            LOG.warn("cannot resolve the conflict of {}: {}", a.allocId(), e.getMessage());
        }
        return false;
    }

    /** Stops and removes the task (its generation moved: the next one is made under the same name). */
    private void teardown() {
        closeWatch();
        health.stop();
        if (handle == null) {
            return;
        }
        driver.stop(handle, GRACE, "TERM");
        driver.destroy(handle);
        handle = null;
    }

    /** The allocation is gone: stops its task, and leaves the removal to the reaper (the runner ends). */
    private void stopAndReap() {
        closeWatch();
        health.stop();
        if (handle != null) {
            reaper.stopThenRemove(driver, handle, GRACE);
            handle = null;
        }
    }

    private void observe(TaskHandle h) {
        try {
            report(driver.inspect(h));
        } catch (DriverException e) {
            report(TaskState.FAILED, null, e.getMessage(), null);
        }
    }

    /** A task stopped on request ended as asked: EXITED, whatever signal ended it. */
    private void reportStopped(TaskHandle h) {
        try {
            TaskStatus s = driver.inspect(h);
            report(new TaskStatus(s.isRunning() ? s.state() : TaskState.EXITED, s.exitCode(), "", s.startedAt(),
                    s.finishedAt()));
        } catch (DriverException e) {
            report(TaskState.EXITED, null, "", null);
        }
    }

    private void report(TaskStatus s) {
        if (s.state() != lastState) {
            lastState = s.state();
            send(new TaskReport(wanted.allocId(), appliedGeneration, s.state(), s.exitCode(), restarts,
                    s.error(), handle == null ? null : handle.runtimeId(), s.startedAt(), s.finishedAt(), null, null));
        }
    }

    private void report(TaskState state, Integer exitCode, String error, TaskHandle h) {
        lastState = state;
        send(new TaskReport(wanted.allocId(), appliedGeneration, state, exitCode, restarts, error,
                h == null ? null : h.runtimeId(), null, null, null, null));
    }

    private void report(TaskState state, String error, TaskFailure failure) {
        lastState = state;
        send(new TaskReport(wanted.allocId(), appliedGeneration, state, null, restarts, error, null, null, null,
                failure));
    }

    /** Sends {@code report} with the health the task's check reads now (one sender at a time). */
    private void send(TaskReport report) {
        reportLock.lock();
        try {
            HealthReading reading = health.current();
            lastReport = reading == null ? report.withHealth(null, null)
                    : report.withHealth(reading.health(), reading.reason());
            reports.accept(lastReport);
        } finally {
            reportLock.unlock();
        }
    }

    /** The health check's reading changed (on the checker's thread): send the last state with it. */
    private void healthChanged() {
        reportLock.lock();
        try {
            if (lastReport != null) {
                send(lastReport);
            }
        } finally {
            reportLock.unlock();
        }
    }

    private Assignment current() {
        lock.lock();
        try {
            return wanted;
        } finally {
            lock.unlock();
        }
    }

    private boolean isRemoved() {
        lock.lock();
        try {
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for the allocation to change; whether it did. */
    private boolean waitForChange(Assignment seen, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (wanted == seen && !removed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return wanted != seen || removed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the watched task ends or the allocation changes; whether the task ended. */
    private boolean waitForChangeOrEnd(Assignment seen, TaskWatch watch) throws InterruptedException {
        lock.lock();
        try {
            while (wanted == seen && !removed && !watch.ended().isDone()) {
                changed.await(1, TimeUnit.MINUTES);
            }
            return watch.ended().isDone();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the allocation's generation or desired state moves, or it is removed. */
    private void waitForGeneration(Assignment seen) throws InterruptedException {
        lock.lock();
        try {
            while (!removed && wanted.generation() == seen.generation()) {
                changed.await(1, TimeUnit.MINUTES);
            }
        } finally {
            lock.unlock();
        }
    }
}
