package io.cluman.server.prometheus;

import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The fleet's gauges. Before each scrape a new {@link FleetSample} is taken (one pass over the in-memory
 * views) and every gauge reads it; per-node and per-service series are added for new nodes and services
 * and removed for those that are gone (or renamed: a node's series carry its id and name).
 *
 * <pre>
 * cluman_nodes{state}                          cluman_nodes_on, cluman_nodes_healthy
 * cluman_containers{status}                    cluman_service_replicas_desired{service}, _running{service}
 * cluman_node_cpu_percent{node,name}           cluman_node_memory_used_bytes{node,name}
 * </pre>
 */
public final class FleetGauges {
    private final Supplier<FleetSample> source;
    private final AtomicReference<FleetSample> current = new AtomicReference<>(new FleetSample());
    private final MultiGauge nodeCpu;
    private final MultiGauge nodeMemory;
    private final MultiGauge desired;
    private final MultiGauge running;

    /** Registers the gauges with {@code meters}; {@code source} is asked for a sample before each scrape. */
    public FleetGauges(ServerMeters meters, Supplier<FleetSample> source) {
        this.source = source;
        MeterRegistry registry = meters.registry();
        for (NodeState state : NodeState.values()) {
            gauge("cluman.nodes", "nodes in each lifecycle state", s -> s.nodes(state))
                    .tag("state", label(state)).register(registry);
        }
        gauge("cluman.nodes.on", "nodes whose heartbeats arrive", FleetSample::nodesOn).register(registry);
        gauge("cluman.nodes.healthy", "nodes on and healthy", FleetSample::nodesHealthy).register(registry);
        for (TaskState status : TaskState.values()) {
            gauge("cluman.containers", "containers by the status their node last reported",
                    s -> s.containers(status)).tag("status", label(status)).register(registry);
        }
        nodeCpu = MultiGauge.builder("cluman.node.cpu").baseUnit("percent")
                .description("CPU use of each node at its latest heartbeat").register(registry);
        nodeMemory = MultiGauge.builder("cluman.node.memory.used").baseUnit(BaseUnits.BYTES)
                .description("memory used on each node at its latest heartbeat").register(registry);
        desired = MultiGauge.builder("cluman.service.replicas.desired")
                .description("replicas each service asks for").register(registry);
        running = MultiGauge.builder("cluman.service.replicas.running")
                .description("replicas of each service reported running").register(registry);
        meters.beforeScrape(this::refresh);
    }

    private Gauge.Builder<AtomicReference<FleetSample>> gauge(String name, String description,
                                                              ToDoubleFunction<FleetSample> value) {
        return Gauge.builder(name, current, c -> value.applyAsDouble(c.get())).description(description)
                .strongReference(true);
    }

    /** Takes a new sample and brings the per-node and per-service series in line with it. */
    void refresh() {
        FleetSample sample = source.get();
        current.set(sample);
        List<MultiGauge.Row<?>> cpu = new ArrayList<>(sample.nodeUse().size());
        List<MultiGauge.Row<?>> memory = new ArrayList<>(sample.nodeUse().size());
        sample.nodeUse().forEach((id, use) -> {
            Tags tags = Tags.of("node", id, "name", use.name());
            cpu.add(MultiGauge.Row.of(tags, current, c -> node(c, id).map(FleetSample.NodeUse::cpuPercent)
                    .orElse(Double.NaN)));
            memory.add(MultiGauge.Row.of(tags, current, c -> node(c, id).map(u -> (double) u.memoryUsedBytes())
                    .orElse(Double.NaN)));
        });
        List<MultiGauge.Row<?>> want = new ArrayList<>(sample.replicas().size());
        List<MultiGauge.Row<?>> have = new ArrayList<>(sample.replicas().size());
        sample.replicas().forEach((name, replicas) -> {
            Tags tags = Tags.of("service", name);
            want.add(MultiGauge.Row.of(tags, current, c -> service(c, name).map(r -> (double) r.desired())
                    .orElse(Double.NaN)));
            have.add(MultiGauge.Row.of(tags, current, c -> service(c, name).map(r -> (double) r.running())
                    .orElse(Double.NaN)));
        });
        // overwrite=false: a series that exists keeps its meter (it reads the new sample); gone ones are removed
        nodeCpu.register(cpu, false);
        nodeMemory.register(memory, false);
        desired.register(want, false);
        running.register(have, false);
    }

    private static Optional<FleetSample.NodeUse> node(AtomicReference<FleetSample> sample, String id) {
        return Optional.ofNullable(sample.get().nodeUse().get(id));
    }

    private static Optional<FleetSample.Replicas> service(AtomicReference<FleetSample> sample, String name) {
        return Optional.ofNullable(sample.get().replicas().get(name));
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
