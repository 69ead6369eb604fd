package io.cluman.model.api;

import java.time.Instant;

/**
 * One sample of a running container's resource use, measured by its node's agent when asked.
 *
 * @param at               when the agent took it
 * @param cpuPercent       CPU in percent of one core (200 = two cores busy)
 * @param memoryBytes      memory in use
 * @param memoryLimitBytes the memory limit in force; 0 when none is
 * @param netRxBytes       bytes received since the container started; -1 when the driver cannot tell
 * @param netTxBytes       bytes sent, likewise
 */
public record ContainerStats(Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes, long netRxBytes,
                             long netTxBytes) {
    /** A counter the driver cannot measure (host network, plain processes). */
    public static final long UNKNOWN = -1;
}
