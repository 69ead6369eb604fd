package io.cluman.server.metrics;

import java.time.Duration;

/**
 * The three resolutions of history, finest first. A tier has a bucket width (0 for raw: every point is its own
 * record), a retention by age, the time span of one segment file (retention deletes whole files, so a tier
 * keeps at most one segment more than its retention) and the size of one record on disk.
 */
public enum Tier {
    /** Every point as it came: one hour, in 10-minute files of 16-byte records. */
    RAW("raw", 0, Duration.ofHours(1), Duration.ofMinutes(10), 16),
    /** 1-minute min/avg/max: one day, in 1-hour files of 36-byte records. */
    MINUTE("1m", 60, Duration.ofDays(1), Duration.ofHours(1), 36),
    /** 10-minute min/avg/max: 30 days, in 1-day files of 36-byte records. */
    TEN_MINUTES("10m", 600, Duration.ofDays(30), Duration.ofDays(1), 36);

    private final String directory;
    private final long bucketSeconds;
    private final Duration retention;
    private final long segmentSeconds;
    private final int recordBytes;

    Tier(String directory, long bucketSeconds, Duration retention, Duration segment, int recordBytes) {
        this.directory = directory;
        this.bucketSeconds = bucketSeconds;
        this.retention = retention;
        this.segmentSeconds = segment.toSeconds();
        this.recordBytes = recordBytes;
    }

    /** The folder under {@code fbstorage}. */
    public String directory() {
        return directory;
    }

    /** The width of one rollup bucket in seconds; 0 for raw points. */
    public long bucketSeconds() {
        return bucketSeconds;
    }

    public Duration retention() {
        return retention;
    }

    long segmentSeconds() {
        return segmentSeconds;
    }

    int recordBytes() {
        return recordBytes;
    }

    /** The start of the bucket holding {@code epochSecond} (the second itself for raw). */
    long bucketStart(long epochSecond) {
        return bucketSeconds == 0 ? epochSecond : Math.floorDiv(epochSecond, bucketSeconds) * bucketSeconds;
    }

    /** The start of the segment file holding {@code epochSecond}. */
    long segmentStart(long epochSecond) {
        return Math.floorDiv(epochSecond, segmentSeconds) * segmentSeconds;
    }
}
