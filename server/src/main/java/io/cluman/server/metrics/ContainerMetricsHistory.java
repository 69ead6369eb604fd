package io.cluman.server.metrics;

import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.TaskSample;
import io.cluman.model.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The history of every container's stats, from the samples agents send ({@code POST /v1/agent/stats}), one
 * series per figure: {@code cpu} (% of one core), {@code memory} (bytes used), {@code memory-limit} (bytes;
 * only while a limit is set), {@code net-rx} and {@code net-tx} (bytes per second, from the counters of two
 * samples of the same allocation in a row; absent where the driver cannot count) and {@code connections} (TCP
 * connections open to its published ports, where the agent can count them). Series are keyed by container
 * name, so the allocations of one container (restarts elsewhere) make one history.
 * <p>
 * A sample counts only when its allocation is the container's current one and is placed on the reporting node;
 * others (a removed container, an allocation placed again elsewhere, another node's) are ignored. Points are
 * stamped with the server's time of receipt, like heartbeats; a point the store refuses is dropped.
 * <p>
 * Memory: the last counters of the allocations in each node's latest report, nothing more. Thread-safe.
 */
public final class ContainerMetricsHistory {
    /** The series of a container, in the order answers list them. */
    public static final List<String> SERIES = List.of("cpu", "memory", "memory-limit", "net-rx", "net-tx",
            "connections");

    /** Which container an allocation runs. */
    @FunctionalInterface
    public interface Allocations {
        /** The name of the container whose current allocation is {@code allocId}, when it is on {@code nodeId}. */
        Optional<String> containerOf(String nodeId, String allocId);
    }

    private final SeriesSet series;
    private final Allocations allocations;
    private final InstantSource clock;
    /** Per node, the last sample of each allocation of its latest report, for rates. */
    private final Map<String, Map<String, TaskSample>> lastSamples = new ConcurrentHashMap<>();

    public ContainerMetricsHistory(MetricsStore store, Allocations allocations, InstantSource clock) {
        this.series = new SeriesSet(store, "container", SERIES);
        this.allocations = allocations;
        this.clock = clock;
    }

    /**
     * Records one report of {@code report.nodeId()} (the caller has checked that the node speaks for itself),
     * stamped with the clock's time now.
     *
     * @throws io.cluman.model.validation.ValidationException when a sample has no allocId or time
     */
    public void record(StatsReport report) {
        Instant at = clock.instant();
        Validator v = new Validator();
        v.required("nodeId", report.nodeId());
        for (int i = 0; i < report.samples().size(); i++) {
            TaskSample s = report.samples().get(i);
            v.required("samples[" + i + "].allocId", s.allocId());
            v.required("samples[" + i + "].time", s.time());
        }
        v.throwIfInvalid();
        Map<String, TaskSample> before = lastSamples.getOrDefault(report.nodeId(), Map.of());
        Map<String, TaskSample> now = new HashMap<>();
        for (TaskSample s : report.samples()) {
            Optional<String> container = allocations.containerOf(report.nodeId(), s.allocId());
            if (container.isPresent()) {
                record(container.get(), at, s, before.get(s.allocId()));
                now.put(s.allocId(), s);
            }
        }
        if (now.isEmpty()) {
            lastSamples.remove(report.nodeId());
        } else {
            lastSamples.put(report.nodeId(), now);
        }
    }

    private void record(String container, Instant at, TaskSample s, TaskSample previous) {
        series.append(container, "cpu", at, s.cpuPercent());
        series.append(container, "memory", at, s.memoryBytes());
        if (s.memoryLimitBytes() > 0) {
            series.append(container, "memory-limit", at, s.memoryLimitBytes());
        }
        if (s.connections() != null && s.connections() >= 0) {
            series.append(container, "connections", at, s.connections());
        }
        if (previous != null && s.time().isAfter(previous.time())) {
            double seconds = Duration.between(previous.time(), s.time()).toMillis() / 1000.0;
            series.appendRate(container, "net-rx", at, previous.netRxBytes(), s.netRxBytes(), seconds);
            series.appendRate(container, "net-tx", at, previous.netTxBytes(), s.netTxBytes(), seconds);
        }
    }


    /**
     * The mean of one series of the container over [{@code from}, {@code to}), from the raw samples (each counts
     * once); empty when it has none there. {@code to - from} must be within the raw tier's hour.
     */
    public OptionalDouble mean(String container, String name, Instant from, Instant to) {
        double sum = 0;
        long count = 0;
        for (MetricPoint p : series.query(container, name, from, to, Duration.ofSeconds(1))) {
            sum += p.avg() * p.count();
            count += p.count();
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
    }

    /** Each series of the container in [{@code from}, {@code to}) by {@code step}; those without points left out. */
    public Map<String, List<MetricPoint>> query(String container, Instant from, Instant to, Duration step) {
        return series.query(container, from, to, step);
    }
}
