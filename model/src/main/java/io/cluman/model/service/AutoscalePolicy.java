package io.cluman.model.service;

import java.time.Duration;
import java.time.Instant;

/**
 * How a service's replica count follows its load, as the store keeps it (checked, defaults filled). Kept apart
 * from the {@link Service} under {@code /cluman/autoscalers/<service>}: the service's count is the one the
 * autoscaler sets.
 *
 * @param metric one of {@link #CPU}, {@link #MEMORY} or {@link #REQUESTS}
 * @param target the average of {@code metric} aimed for: in % for cpu and memory, connections for requests
 */
public record AutoscalePolicy(String service, int min, int max, String metric, double target, Duration window,
                              Duration scaleDownDelay, Instant createdAt, long revision) {
    /** CPU use in % of the replica's CPU limit, or of one core without a limit. */
    public static final String CPU = "cpu";
    /** Memory use in % of the replica's memory limit. */
    public static final String MEMORY = "memory";
    /** TCP connections open to a replica's published ports: the requests it serves now. */
    public static final String REQUESTS = "requests";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_SCALE_DOWN_DELAY = Duration.ofMinutes(5);

    public AutoscalePolicy withRevision(long newRevision) {
        return new AutoscalePolicy(service, min, max, metric, target, window, scaleDownDelay, createdAt, newRevision);
    }

    /** {@code value} of this policy's metric in words: {@code 72%} or {@code 12 connections}. */
    public String format(double value) {
        if (REQUESTS.equals(metric)) {
            return String.format(java.util.Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value) + " connections";
        }
        return String.format(java.util.Locale.ROOT, value >= 10 ? "%.0f%%" : "%.1f%%", value);
    }

    /** {@code replicas} brought within [{@link #min}, {@link #max}]. */
    public int bound(int replicas) {
        return Math.max(min, Math.min(max, replicas));
    }
}
