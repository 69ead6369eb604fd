package io.cluman.server.metrics;

/**
 * The size cap of each tier, bytes on disk (data and sidecars). Past a cap the oldest segment files go first,
 * before their age would remove them. The defaults hold about 10,000 series for each tier's full retention.
 */
public record MetricsLimits(long rawBytes, long minuteBytes, long tenMinuteBytes) {
    private static final long GIB = 1L << 30;

    /** Raw 1 GiB, 1-minute 1 GiB, 10-minute 2 GiB. */
    public static final MetricsLimits DEFAULT = new MetricsLimits(GIB, GIB, 2 * GIB);

    public MetricsLimits {
        if (rawBytes <= 0 || minuteBytes <= 0 || tenMinuteBytes <= 0) {
            throw new IllegalArgumentException("metrics size caps must be positive");
        }
    }

    long bytes(Tier tier) {
        return switch (tier) {
            case RAW -> rawBytes;
            case MINUTE -> minuteBytes;
            case TEN_MINUTES -> tenMinuteBytes;
        };
    }
}
