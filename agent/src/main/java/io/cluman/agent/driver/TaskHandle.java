package io.cluman.agent.driver;

import java.util.Objects;

/**
 * A started task, as its driver finds it again. A value: it can be kept by the runner, rebuilt by
 * {@link TaskDriver#recover} after an agent restart, and compared.
 *
 * @param driver    the driver's name ({@code docker}, {@code process})
 * @param allocId   the allocation the task runs
 * @param runtimeId docker: the container id; process: {@code pid:starttime} of the task's process
 *                  ({@code starttime} in clock ticks since boot, field 22 of {@code /proc/<pid>/stat})
 * @param name      the spec's name (the container's name in its job)
 */
public record TaskHandle(String driver, String allocId, String runtimeId, String name) {
    public TaskHandle {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(allocId, "allocId");
        runtimeId = runtimeId == null ? "" : runtimeId;
        name = name == null ? "" : name;
    }
}
