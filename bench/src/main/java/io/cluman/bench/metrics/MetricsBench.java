package io.cluman.bench.metrics;

import io.cluman.server.metrics.MetricPoint;
import io.cluman.server.metrics.MetricsStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Two runs on a fresh directory each, one thread, simulated time (the store's clock is the simulation's):
 * <ol>
 * <li>ingest: {@code --series} series, one point each every 5 s for {@code --minutes} simulated minutes; prints
 * points/s and CPU seconds per simulated second (the share of one core the real-time load would take).
 * <li>query: {@code --history-series} series, one point every 10 minutes for {@code --days} simulated days
 * (so the 10-minute tier is full), then {@code --queries} queries of one series over the whole span at a
 * 10-minute step; prints the median and worst time.
 * </ol>
 * Prints plain text; never asserts on time.
 *
 * <pre>usage: MetricsBench [--dir target/metrics-bench] [--series 10000] [--minutes 60] [--history-series 1000]
 *        [--days 30] [--queries 50] [--seed 1]</pre>
 */
public final class MetricsBench {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private MetricsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("target/metrics-bench");
        int series = 10_000;
        int minutes = 60;
        int historySeries = 1_000;
        int days = 30;
        int queries = 50;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--series" -> series = Integer.parseInt(args[i + 1]);
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--history-series" -> historySeries = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ingest(fresh(dir.resolve("ingest")), series, minutes * 60L, seed);
        query(fresh(dir.resolve("query")), historySeries, days, queries, seed);
    }

    private static void ingest(Path dir, int series, long seconds, long seed) {
        SimulatedClock clock = new SimulatedClock(T0);
        String[] keys = keys(series);
        SplittableRandom random = new SplittableRandom(seed);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long points = 0;
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (MetricsStore store = MetricsStore.open(dir, clock)) {
            for (long s = 0; s < seconds; s += 5) {
                clock.set(T0.plusSeconds(s));
                for (String key : keys) {
                    points += store.append(key, clock.instant(), random.nextDouble(100)) ? 1 : 0;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
            print("ingest: %,d series x 1 point / 5 s over %d simulated s: %,d points in %.2f s = %,.0f points/s",
                    series, seconds, points, wall, points / wall);
            print("ingest CPU: %.2f s for %d simulated s = %.2f %% of one core at the real-time rate"
                    + " (%,d points/s)", cpuSeconds, seconds, 100 * cpuSeconds / seconds, series / 5);
            print("ingest disk: raw %,d bytes, 1m %,d bytes, 10m %,d bytes", store.bytes(
                    io.cluman.server.metrics.Tier.RAW), store.bytes(io.cluman.server.metrics.Tier.MINUTE),
                    store.bytes(io.cluman.server.metrics.Tier.TEN_MINUTES));
        }
    }

    private static void query(Path dir, int series, int days, int queries, long seed) {
        SimulatedClock clock = new SimulatedClock(T0);
        String[] keys = keys(series);
        SplittableRandom random = new SplittableRandom(seed);
        long seconds = days * 86_400L;
        long t0 = System.nanoTime();
        try (MetricsStore store = MetricsStore.open(dir, clock)) {
            for (long s = 0; s <= seconds; s += 600) {
                clock.set(T0.plusSeconds(s));
                for (String key : keys) {
                    store.append(key, clock.instant(), random.nextDouble(100));
                }
            }
            print("query setup: %,d series x 1 point / 10 min over %d simulated days in %.1f s", series, days,
                    (System.nanoTime() - t0) / 1e9);
            long[] nanos = new long[queries];
            int buckets = 0;
            for (int q = 0; q < queries; q++) {
                String key = keys[random.nextInt(series)];
                long t = System.nanoTime();
                List<MetricPoint> points = store.query(key, clock.instant().minus(Duration.ofDays(days)),
                        clock.instant(), Duration.ofMinutes(10));
                nanos[q] = System.nanoTime() - t;
                buckets = points.size();
            }
            java.util.Arrays.sort(nanos);
            print("query: one series over %d days at a 10-minute step (%,d buckets): first-run worst %.2f ms,"
                    + " median %.2f ms over %d queries", days, buckets, nanos[queries - 1] / 1e6,
                    nanos[queries / 2] / 1e6, queries);
        }
    }

    private static String[] keys(int series) {
        String[] keys = new String[series];
        for (int i = 0; i < series; i++) {
            keys[i] = String.format("node/node-%05d/%s", i / 5, List.of("cpu", "memory", "disk", "load", "net")
                    .get(i % 5));
        }
        return keys;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** The simulation's clock: moved by the bench, read by the store. */
    private static final class SimulatedClock implements InstantSource {
        private volatile Instant now;

        SimulatedClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
