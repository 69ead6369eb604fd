package io.cluman.agent.driver;

import java.time.Instant;

/**
 * One sample of a task's resource use.
 *
 * @param at               when it was taken
 * @param cpuPercent       CPU used since the previous sample, in percent of one core (200 = two cores busy)
 * @param memoryBytes      memory in use (resident set, without the page cache where the engine tells)
 * @param memoryLimitBytes the memory limit in force; 0 when none is
 * @param netRxBytes       bytes received since the task started; {@link #UNKNOWN} when the driver cannot
 *                         tell (host network, plain processes)
 * @param netTxBytes       bytes sent, likewise
 */
public record TaskStats(Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes, long netRxBytes,
                        long netTxBytes) {
    /** A counter the driver cannot measure. */
    public static final long UNKNOWN = -1;

    public TaskStats {
        cpuPercent = Math.max(0, cpuPercent);
        memoryBytes = Math.max(0, memoryBytes);
        memoryLimitBytes = Math.max(0, memoryLimitBytes);
    }
}
