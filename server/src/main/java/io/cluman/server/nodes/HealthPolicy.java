package io.cluman.server.nodes;

import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeMetrics;
import java.util.Map;
import java.util.TreeMap;

/** Decides whether a node is healthy: every driver's engine answers and enough disk is free. Pure. */
public final class HealthPolicy {
    private final double minDiskFreeRatio;

    public HealthPolicy(double minDiskFreeRatio) {
        this.minDiskFreeRatio = minDiskFreeRatio;
    }

    /** The verdict, with the reason when unhealthy (empty when healthy). */
    public record Verdict(boolean healthy, String reason) {
    }

    public Verdict judge(NodeMetrics metrics, Map<String, DriverHealth> drivers) {
        StringBuilder reasons = new StringBuilder();
        new TreeMap<>(drivers).forEach((name, health) -> {
            if (!health.healthy()) {
                append(reasons, "driver " + name + " does not answer" + (health.detail().isEmpty() ? ""
                        : ": " + health.detail()));
            }
        });
        if (metrics != null && metrics.diskFreeRatio() < minDiskFreeRatio) {
            append(reasons, String.format("disk %.1f%% free, below %.1f%%", metrics.diskFreeRatio() * 100,
                    minDiskFreeRatio * 100));
        }
        return new Verdict(reasons.isEmpty(), reasons.toString());
    }

    private static void append(StringBuilder reasons, String reason) {
        if (!reasons.isEmpty()) {
            reasons.append("; ");
        }
        reasons.append(reason);
    }
}
