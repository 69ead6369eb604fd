package io.cluman.agent.tasks;

import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.agent.driver.UnmanagedTask;
import io.cluman.model.node.DriverHealth;
import java.time.Duration;
import java.util.List;

/** The fake driver as a restarted agent sees it: the same tasks, found again by {@link #recover}. */
record FakeTaskDriverView(FakeTaskDriver tasks, List<TaskHandle> leftBehind) implements TaskDriver {
    @Override
    public String name() {
        return tasks.name();
    }

    @Override
    public DriverHealth health() {
        return tasks.health();
    }

    @Override
    public TaskHandle start(TaskRequest request) {
        return tasks.start(request);
    }

    @Override
    public TaskStatus inspect(TaskHandle handle) {
        return tasks.inspect(handle);
    }

    @Override
    public TaskStatus await(TaskHandle handle, Duration timeout) throws InterruptedException {
        return tasks.await(handle, timeout);
    }

    @Override
    public void stop(TaskHandle handle, Duration grace, String signal) {
        tasks.stop(handle, grace, signal);
    }

    @Override
    public void destroy(TaskHandle handle) {
        tasks.destroy(handle);
    }

    @Override
    public List<TaskHandle> recover(String nodeId) {
        return leftBehind;
    }

    @Override
    public List<UnmanagedTask> unmanaged() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
