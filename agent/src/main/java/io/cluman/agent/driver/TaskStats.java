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
 * @param connections      TCP connections open to its published ports now ({@link TcpConnections});
 *                         {@link #UNKNOWN} when it publishes none or the driver cannot tell
 */
public record TaskStats(Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes, long netRxBytes,
                        long netTxBytes, long connections) {
    /** A counter the driver cannot measure. */
    public static final long UNKNOWN = -1;

    /** A sample without a connection count. */
    public TaskStats(Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes, long netRxBytes,
                     long netTxBytes) {
        this(at, cpuPercent, memoryBytes, memoryLimitBytes, netRxBytes, netTxBytes, UNKNOWN);
    }

    public TaskStats {
        cpuPercent = Math.max(0, cpuPercent);
        memoryBytes = Math.max(0, memoryBytes);
        memoryLimitBytes = Math.max(0, memoryLimitBytes);
    }
}
