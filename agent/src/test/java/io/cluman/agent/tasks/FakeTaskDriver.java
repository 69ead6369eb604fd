package io.cluman.agent.tasks;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.agent.driver.UnmanagedTask;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.DriverHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A driver whose tasks run until the test ends them; it records every call. */
final class FakeTaskDriver implements TaskDriver {
    final Map<String, TaskStatus> tasks = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Every start request, credentials included. */
    final List<TaskRequest> requests = new CopyOnWriteArrayList<>();
    /** Tasks an earlier agent run left, found again by {@link #recover}. */
    final List<TaskHandle> leftBehind = new CopyOnWriteArrayList<>();
    volatile DriverException failStarts;
    /** How many destroys fail (the engine does not answer) before they succeed again. */
    final AtomicInteger failDestroys = new AtomicInteger();
    /** When set, a stop of this allocation waits until the latch opens (a task slow to end). */
    volatile String slowStop;
    final CountDownLatch slowStopEnds = new CountDownLatch(1);

    @Override
    public String name() {
        return "process";
    }

    @Override
    public DriverHealth health() {
        return new DriverHealth(true, "");
    }

    @Override
    public TaskHandle start(TaskRequest request) {
        calls.add("start " + request.allocId());
        requests.add(request);
        if (failStarts != null) {
            throw failStarts;
        }
        tasks.put(request.allocId(), new TaskStatus(TaskState.RUNNING, null, "", Instant.now(), null));
        return new TaskHandle("process", request.allocId(), "pid:" + calls.size(), request.name());
    }

    /** Ends a running task with {@code code}. */
    void finish(String allocId, int code) {
        tasks.put(allocId, TaskStatus.ended(code, "", Instant.now(), Instant.now()));
    }

    /** A task left by an earlier agent run: running, and returned by {@link #recover}. */
    TaskHandle leaveBehind(String allocId) {
        tasks.put(allocId, new TaskStatus(TaskState.RUNNING, null, "", Instant.now(), null));
        TaskHandle handle = new TaskHandle("process", allocId, "pid:old-" + allocId, allocId);
        leftBehind.add(handle);
        return handle;
    }

    long count(String call) {
        return calls.stream().filter(c -> c.equals(call)).count();
    }

    @Override
    public TaskStatus inspect(TaskHandle handle) {
        TaskStatus s = tasks.get(handle.allocId());
        if (s == null) {
            throw new DriverException(DriverException.Reason.NOT_FOUND, "gone");
        }
        return s;
    }

    @Override
    public TaskStatus await(TaskHandle handle, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (inspect(handle).isRunning() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return inspect(handle);
    }

    @Override
    public void stop(TaskHandle handle, Duration grace, String signal) {
        calls.add("stop " + handle.allocId());
        if (handle.allocId().equals(slowStop)) {
            try {
                slowStopEnds.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tasks.computeIfPresent(handle.allocId(), (id, s) -> s.isRunning()
                ? TaskStatus.ended(143, "", s.startedAt(), Instant.now()) : s);
    }

    @Override
    public void destroy(TaskHandle handle) {
        calls.add("destroy " + handle.allocId());
        if (failDestroys.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DriverException(DriverException.Reason.ENGINE_UNAVAILABLE, "the engine does not answer");
        }
        tasks.remove(handle.allocId());
    }

    @Override
    public List<TaskHandle> recover(String nodeId) {
        return new ArrayList<>(leftBehind);
    }

    @Override
    public List<UnmanagedTask> unmanaged() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
