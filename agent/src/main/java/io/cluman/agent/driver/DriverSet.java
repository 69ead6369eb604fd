package io.cluman.agent.driver;

import io.cluman.model.node.DriverHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers of this node. {@link #detect()} runs once at start: a candidate whose engine answers
 * then is available, the others are not (and are not checked again). From then on a detected
 * driver stays in {@link #names()}; {@link #health()} re-checks each one.
 *
 * <p>Thread-safe: the detected list is immutable and published through a volatile field.
 */
public final class DriverSet {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSet.class);

    private final List<DriverProbe> candidates;
    private final Map<String, Boolean> lastHealthy = new ConcurrentHashMap<>();
    private volatile List<DriverProbe> detected = List.of();

    public DriverSet(List<DriverProbe> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** Checks every candidate; keeps those that answer. Bounded by the probes' timeouts. */
    public void detect() {
        List<DriverProbe> found = candidates.stream().filter(probe -> {
            DriverHealth health = probe.health();
            if (health.healthy()) {
                LOG.info("driver {} is available", probe.name());
            } else {
                LOG.info("driver {} is not available: {}", probe.name(), health.detail());
            }
            lastHealthy.put(probe.name(), health.healthy());
            return health.healthy();
        }).toList();
        detected = found;
    }

    /** The detected drivers' names, in candidate order. Empty before {@link #detect()}. */
    public List<String> names() {
        return detected.stream().map(DriverProbe::name).toList();
    }

    /** The detected driver called {@code name} when it runs tasks (a {@link TaskDriver}). */
    public Optional<TaskDriver> taskDriver(String name) {
        return detected.stream().filter(d -> d.name().equals(name) && d instanceof TaskDriver)
                .map(TaskDriver.class::cast).findFirst();
    }

    /** The detected drivers' health now, by name. A change since the last check is logged once. */
    public Map<String, DriverHealth> health() {
        Map<String, DriverHealth> health = new LinkedHashMap<>();
        for (DriverProbe probe : detected) {
            DriverHealth now = probe.health();
            Boolean before = lastHealthy.put(probe.name(), now.healthy());
            if (before != null && before != now.healthy()) {
                if (now.healthy()) {
                    LOG.info("driver {} answers again", probe.name());
                } else {
                    LOG.warn("driver {} is unhealthy: {}", probe.name(), now.detail());
                }
            }
            health.put(probe.name(), now);
        }
        return health;
    }
}
