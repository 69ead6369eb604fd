package io.cluman.agent.driver;

/** A driver that can measure a task's resource use. */
public interface StatsSource {
    /**
     * One sample of the task's CPU, memory and network use. May block up to about two seconds (the
     * Docker Engine measures CPU over one second). All figures are 0 for a task that no longer runs.
     *
     * @throws DriverException NOT_FOUND when the task is gone
     */
    TaskStats stats(TaskHandle handle);
}
