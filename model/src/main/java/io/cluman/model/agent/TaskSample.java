package io.cluman.model.agent;

import java.time.Instant;

/**
 * One sample of a running task's resource use, as an agent measured it.
 *
 * @param allocId          the allocation the task runs
 * @param time             when the agent took it (the agent's clock)
 * @param cpuPercent       CPU used since the driver's previous reading, in percent of one core
 * @param memoryBytes      memory in use
 * @param memoryLimitBytes the memory limit in force; 0 when none is
 * @param netRxBytes       bytes received since the task started; -1 when the driver cannot tell
 * @param netTxBytes       bytes sent since the task started; -1 when the driver cannot tell
 * @param connections      TCP connections open to its published ports; null when the driver cannot tell or it
 *                         publishes none
 */
public record TaskSample(String allocId, Instant time, double cpuPercent, long memoryBytes, long memoryLimitBytes,
                         long netRxBytes, long netTxBytes, Long connections) {
    /** A sample without a connection count. */
    public TaskSample(String allocId, Instant time, double cpuPercent, long memoryBytes, long memoryLimitBytes,
                      long netRxBytes, long netTxBytes) {
        this(allocId, time, cpuPercent, memoryBytes, memoryLimitBytes, netRxBytes, netTxBytes, null);
    }

    /** A network counter the driver cannot measure. */
    public static final long UNKNOWN = -1;
}
