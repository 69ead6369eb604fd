package io.cluman.model.node;

import java.time.Instant;

/** A node's resource use at one moment, sent with every heartbeat. Kept in memory, not in the store. */
public record NodeMetrics(Instant at, double cpuPercent, long memoryUsedBytes, long memoryTotalBytes,
                          long diskFreeBytes, long diskTotalBytes, double load1, double load5, double load15,
                          long netRxBytes, long netTxBytes) {
    public static NodeMetrics empty(Instant at) {
        return new NodeMetrics(at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Free share of the disk, 0..1; 1 when the disk size is unknown. */
    public double diskFreeRatio() {
        return diskTotalBytes <= 0 ? 1.0 : (double) diskFreeBytes / diskTotalBytes;
    }
}
