package io.cluman.bench.prometheus;

import io.cluman.bench.CommandLineOptions;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeState;
import io.cluman.model.service.Service;
import io.cluman.server.prometheus.FleetGauges;
import io.cluman.server.prometheus.FleetSample;
import io.cluman.server.prometheus.ServerMeters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Scrapes a fleet held in plain lists, as {@code GET /metrics} does (refresh the fleet gauges from one pass,
 * then write the text format), one thread, no HTTP:
 * <ol>
 * <li>the first scrape, which registers every per-node and per-service series;
 * <li>the fleet sample alone, then {@code --scrapes} steady scrapes (new metrics on every node each time),
 * median and worst;
 * <li>the same with 10 % of the nodes replaced by new ones before each scrape (series removed and added).
 * </ol>
 * The fleet is fed to {@link FleetSample} the way {@code FleetViews} feeds it, minus its one map lookup per node
 * and per container. Prints plain text; never asserts on time.
 *
 * <pre>usage: ScrapeBench [--nodes 10000] [--containers-per-node 3] [--services 500] [--scrapes 30] [--seed 1]</pre>
 */
public final class ScrapeBench {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Node> nodes = new ArrayList<>();
    private final List<NodeMetrics> metrics = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();
    private final List<ContainerStatus> statuses = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final SplittableRandom random;
    private int joined;

    private ScrapeBench(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) {
        Map<String, String> options = CommandLineOptions.parse(args);
        Set<String> unknown = new HashSet<>(options.keySet());
        unknown.removeAll(Set.of("nodes", "containers-per-node", "services", "scrapes", "seed"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown);
        }
        int nodes = Integer.parseInt(options.getOrDefault("nodes", "10000"));
        int perNode = Integer.parseInt(options.getOrDefault("containers-per-node", "3"));
        int services = Integer.parseInt(options.getOrDefault("services", "500"));
        int scrapes = Integer.parseInt(options.getOrDefault("scrapes", "30"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        ScrapeBench fleet = new ScrapeBench(seed);
        fleet.build(nodes, perNode, services);
        try (ServerMeters meters = new ServerMeters()) {
            new FleetGauges(meters, fleet::sample);
            long start = System.nanoTime();
            String first = meters.scrape();
            System.out.printf(Locale.ROOT, "fleet: %,d nodes, %,d containers, %,d services%n", nodes,
                    fleet.containers.size(), services);
            System.out.printf(Locale.ROOT, "first scrape: %.1f ms, %,d bytes, %,d lines%n", ms(System.nanoTime() - start),
                    first.length(), first.lines().count());
            report("fleet sample alone (the one pass)", time(fleet::sample, scrapes, fleet::newMetrics));
            report("steady scrape", time(meters::scrape, scrapes, fleet::newMetrics));
            int churn = nodes / 10;
            report("scrape after 10% of the nodes were replaced", time(meters::scrape, scrapes, () -> fleet.replace(churn)));
        }
    }

    private void build(int nodeCount, int perNode, int serviceCount) {
        for (int s = 0; s < serviceCount; s++) {
            services.add(new Service("svc-" + s, null, 1 + random.nextInt(20), null, null, null, 0, 1, null, null, T0,
                    1, null, null, null, 0, null));
        }
        for (int n = 0; n < nodeCount; n++) {
            join(perNode);
        }
        newMetrics();
    }

    private void join(int perNode) {
        int n = joined++;
        String id = String.format(Locale.ROOT, "n-%010d", n);
        nodes.add(new Node(id, String.format(Locale.ROOT, "sim-%05d", n), null,
                NodeState.values()[n % NodeState.values().length], n % 50 != 0, n % 20 != 0, null, null, null, null,
                T0, T0, 1));
        metrics.add(null);
        for (int c = 0; c < perNode; c++) {
            String name = id + "-" + c;
            String service = services.isEmpty() ? null : services.get(random.nextInt(services.size())).name();
            containers.add(new Container(name, null, id, null, service, "a-" + name, 1, DesiredState.RUNNING, T0, 1,
                    true, null));
            statuses.add(new ContainerStatus("a-" + name, id, 1, TaskState.values()[random.nextInt(7)], null, 0, null,
                    null, null, null, T0, null, null, 1));
        }
    }

    private void newMetrics() {
        for (int i = 0; i < nodes.size(); i++) {
            metrics.set(i, new NodeMetrics(T0, random.nextDouble(100), random.nextLong(64L << 30), 64L << 30, 0, 0, 0,
                    0, 0, 0, 0));
        }
    }

    /** Removes the {@code count} oldest nodes with their containers and joins as many new ones. */
    private void replace(int count) {
        int perNode = containers.size() / nodes.size();
        nodes.subList(0, count).clear();
        metrics.subList(0, count).clear();
        containers.subList(0, count * perNode).clear();
        statuses.subList(0, count * perNode).clear();
        for (int i = 0; i < count; i++) {
            join(perNode);
        }
        newMetrics();
    }

    private FleetSample sample() {
        FleetSample sample = new FleetSample();
        for (int i = 0; i < nodes.size(); i++) {
            sample.node(nodes.get(i), metrics.get(i));
        }
        for (int i = 0; i < containers.size(); i++) {
            sample.container(containers.get(i), statuses.get(i));
        }
        services.forEach(sample::service);
        return sample;
    }

    private static long[] time(Runnable scrape, int scrapes, Runnable change) {
        long[] nanos = new long[scrapes];
        for (int i = 0; i < scrapes; i++) {
            change.run();
            long start = System.nanoTime();
            scrape.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, worst %.1f ms (%d scrapes)%n", what,
                ms(sorted[sorted.length / 2]), ms(sorted[sorted.length - 1]), sorted.length);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
