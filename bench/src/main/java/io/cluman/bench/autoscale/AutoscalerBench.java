package io.cluman.bench.autoscale;

import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.TaskSample;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.service.AutoscalePolicy;
import io.cluman.model.service.Service;
import io.cluman.server.autoscale.Autoscaler;
import io.cluman.server.events.EventBus;
import io.cluman.server.metrics.ContainerMetricsHistory;
import io.cluman.server.metrics.MetricsStore;
import io.cluman.store.KvStore;
import io.cluman.store.KvStores;
import io.cluman.store.repo.EventLog;
import io.cluman.store.repo.Repositories;
import io.cluman.store.repo.RepositoryMirror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What one autoscaler evaluation of every policy costs: {@code --services} autoscaled services of
 * {@code --replicas} running replicas each, in the embedded store, each replica with a minute of stats samples
 * (one every 10 s, as agents send them) in the metrics history. Each round is a fresh {@link Autoscaler} (so
 * every policy is due) and one {@link Autoscaler#pass()}: reading the policies and services from the store, the
 * containers and statuses from memory (as the server does), and averaging every replica's window. The load sits at the target, so no count changes and nothing
 * is written. Prints plain text; never asserts on time.
 *
 * <pre>usage: AutoscalerBench [--services 200] [--replicas 10] [--rounds 20]</pre>
 */
public final class AutoscalerBench {
    private AutoscalerBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = options(args);
        int services = Integer.parseInt(o.getOrDefault("services", "200"));
        int replicas = Integer.parseInt(o.getOrDefault("replicas", "10"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "20"));
        Path dir = Files.createTempDirectory("autoscaler-bench");
        InstantSource clock = InstantSource.system();
        try (KvStore store = KvStores.open("embedded", dir, clock);
             MetricsStore metrics = MetricsStore.open(dir, clock)) {
            Repositories repos = Repositories.over(store);
            Map<String, String> nameOf = new HashMap<>();
            ContainerMetricsHistory history = new ContainerMetricsHistory(metrics,
                    (node, alloc) -> Optional.ofNullable(nameOf.get(alloc)), clock);
            long setUp = System.nanoTime();
            fill(repos, history, nameOf, services, replicas, clock);
            System.out.printf(Locale.ROOT, "set up %d services x %d replicas, %d samples each: %.1f s%n", services,
                    replicas, SAMPLES, (System.nanoTime() - setUp) / 1e9);
            EventBus events = new EventBus(new EventLog(store, new Random(1)), clock);
            // as the server feeds it: containers and statuses from memory, kept by the store's watch
            RepositoryMirror<Container> containers = new RepositoryMirror<>(store, repos.containers()).start();
            RepositoryMirror<ContainerStatus> statuses = new RepositoryMirror<>(store, repos.containerStatus())
                    .start();
            double[] millis = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Autoscaler autoscaler = new Autoscaler(store, repos.autoscalers(), repos.services(),
                        containers::values, statuses::values, history, events, clock);
                long start = System.nanoTime();
                autoscaler.pass();
                millis[r] = (System.nanoTime() - start) / 1e6;
                if (r == 0) {
                    System.out.println("first evaluation: " + autoscaler.evaluation("svc-0").orElseThrow().reason());
                }
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "one pass over %d policies (%d replicas): first %.1f ms, median %.1f ms,"
                    + " worst %.1f ms; %.1f us per replica at the median%n", services, services * replicas, millis[0],
                    sorted[rounds / 2], sorted[rounds - 1], sorted[rounds / 2] * 1000 / (services * replicas));
        }
    }

    private static final int SAMPLES = 6;

    private static void fill(Repositories repos, ContainerMetricsHistory history, Map<String, String> nameOf,
                             int services, int replicas, InstantSource clock) {
        Instant now = clock.instant();
        ContainerRequest template = new ContainerRequest("svc", DriverName.PROCESS, null, List.of("/bin/sleep", "1"),
                null, null, null, Map.of(), List.of(), Map.of(), new ResourceRequest(0.5, "64M"), null, null);
        ContainerSpec spec = new ContainerSpec("svc", DriverName.PROCESS, null, List.of("/bin/sleep", "1"), List.of(),
                Map.of(), List.of(), Map.of(), 64L << 20, 0.5, "no", "");
        Map<String, List<String>> allocsByNode = new HashMap<>();
        for (int s = 0; s < services; s++) {
            String name = "svc-" + s;
            repos.services().create(name, new Service(name, template, replicas, null, List.of(), null, 1, 1, null,
                    null, now, 0, null, List.of(), null, 0, null));
            repos.autoscalers().create(name, new AutoscalePolicy(name, 1, replicas * 2, AutoscalePolicy.CPU, 50,
                    Duration.ofMinutes(1), Duration.ofMinutes(5), now, 0));
            for (int k = 0; k < replicas; k++) {
                String container = name + "-" + k;
                String alloc = "a-" + s + "-" + k;
                String node = "n-" + (k % 50);
                repos.containers().create(container, new Container(container, spec, node, null, name, alloc, 1,
                        DesiredState.RUNNING, now, 0, false, null));
                repos.containerStatus().create(container, new ContainerStatus(alloc, node, 1, TaskState.RUNNING,
                        null, 0, null, "1:1", now, null, now, null, null, 0));
                nameOf.put(alloc, container);
                allocsByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(alloc);
            }
        }
        for (int i = 0; i < SAMPLES; i++) {
            Instant at = now.plusSeconds(10L * i);
            // 25 % of a core on a 0.5-core limit: 50 %, the target
            allocsByNode.forEach((node, allocs) -> history.record(new StatsReport(node, allocs.stream()
                    .map(a -> new TaskSample(a, at, 25, 32L << 20, 64L << 20, -1, -1)).toList())));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: AutoscalerBench [--services N] [--replicas N] [--rounds N]");
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
