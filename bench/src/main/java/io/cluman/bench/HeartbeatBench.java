package io.cluman.bench;

import io.cluman.client.ClumanClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeat benchmark: N simulated agents in this process join a real server over HTTP and heartbeat
 * at the interval its replies ask for; after a warmup, a measured window records every heartbeat's
 * latency while the server's CPU and memory are sampled from {@code /proc}; the server's offline
 * events for the simulated nodes are all false offs, since every agent keeps beating. Prints a plain
 * report on stdout (progress on stderr). See {@link BenchOptions#USAGE} and {@code docs/benchmarks.md}.
 *
 * <pre>
 *  spawn or reach the server ─► joins (at --join-rate) ─► warmup ─► measured window ─► checks ─► stop
 *                                 offline events polled from the first join to the end ──────────┘
 * </pre>
 */
public final class HeartbeatBench {
    private static final Duration JOIN_GRACE = Duration.ofSeconds(120);
    private static final long PROGRESS_MILLIS = 10_000;

    private final BenchOptions options;
    private final String commandLine;

    private HeartbeatBench(BenchOptions options, String commandLine) {
        this.options = options;
        this.commandLine = commandLine;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        new HeartbeatBench(options, commandLine(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        if (!options.spawnServer()) {
            runAgainst(BenchTarget.external(options));
            return;
        }
        try (SpawnedServer server = SpawnedServer.start(options)) {
            progress("server listening at " + server.url() + " (pid " + server.pid() + ", data "
                    + server.dataDir() + ", log " + server.log() + ")");
            runAgainst(BenchTarget.spawned(server));
            progress("server " + (server.isAlive() ? "still running" : "DIED during the run") + "; its log: "
                    + server.log());
            if (options.keepData()) {
                progress("kept the server's data and log in " + server.dataDir());
            }
        }
    }

    private void runAgainst(BenchTarget target) throws InterruptedException {
        long overflowsBefore = TcpStats.listenOverflows();
        ClumanClient admin = ClumanClient.connect(target.url(), target.adminToken());
        progress("server " + admin.health());
        OfflineWatch watch = new OfflineWatch(admin);
        watch.start();
        Optional<ProcessSampler> serverSampler = target.pid().map(ProcessSampler::new);
        ProcessSampler benchSampler = new ProcessSampler(ProcessHandle.current().pid());
        try (SimulatedFleet fleet = new SimulatedFleet(target.url(), target.joinToken(), options.nodes(),
                options.httpClients(), options.joinRate(), options.seed(), options.fixedRate())) {
            double joinSeconds = join(fleet);
            progress("warmup " + options.warmup().toSeconds() + " s");
            Thread.sleep(options.warmup());
            FleetCounters counters = fleet.counters();
            Instant windowStart = Instant.now();
            long windowStartNanos = System.nanoTime();
            serverSampler.ifPresent(ProcessSampler::start);
            benchSampler.start();
            counters.openWindow(windowStartNanos);
            measure(counters, windowStartNanos);
            long windowEndNanos = System.nanoTime();
            counters.closeWindow(windowEndNanos);
            Instant windowEnd = Instant.now();
            for (ProcessSampler s : serverSampler.stream().toList()) {
                s.stop();
            }
            benchSampler.stop();
            progress("window closed; checking the server for off nodes while the agents keep beating");
            long connections = TcpStats.establishedTo(java.net.URI.create(target.url()).getPort());
            long offAtEnd = watch.offNow(fleet.nodeIds());
            watch.stop();
            writeSamples(counters);
            BenchReport.print(System.out, new BenchReport.Figures(commandLine, target, options, fleet.joinedCount(),
                    joinSeconds, (windowEndNanos - windowStartNanos) / 1e9, counters,
                    watch.offs(fleet.nodeIds(), windowStart, windowEnd), offAtEnd,
                    serverSampler.map(ProcessSampler::result), benchSampler.result(),
                    TcpStats.listenOverflows() - overflowsBefore, connections));
        }
    }

    /** Starts the fleet and waits for every join; how many seconds the joins took. */
    private double join(SimulatedFleet fleet) throws InterruptedException {
        progress("joining " + options.nodes() + " agents at " + options.joinRate() + "/s");
        long start = System.nanoTime();
        fleet.start();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.nodes() / options.joinRate()) + JOIN_GRACE.toNanos();
        while (!fleet.awaitJoined(Duration.ofMillis(PROGRESS_MILLIS / 2))) {
            progress(fleet.joinedCount() + " joined, " + fleet.counters().joinErrors.sum() + " join errors");
            if (System.nanoTime() > deadline) {
                progress("giving up waiting for joins: measuring the " + fleet.joinedCount() + " that joined");
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress(String.format("%d joined in %.1f s", fleet.joinedCount(), seconds));
        return seconds;
    }

    /** Sleeps through the measured window, printing progress. */
    private void measure(FleetCounters counters, long startNanos) throws InterruptedException {
        long end = startNanos + options.duration().toNanos();
        progress("measuring for " + options.duration().toSeconds() + " s");
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            Thread.sleep(Math.min(PROGRESS_MILLIS, TimeUnit.NANOSECONDS.toMillis(end - now) + 1));
            progress(String.format("%.0f s: %d heartbeats, %d errors", (System.nanoTime() - startNanos) / 1e9,
                    counters.beats.sum(), counters.errorsInWindow().values().stream().mapToLong(Long::longValue)
                            .sum()));
        }
    }

    private void writeSamples(FleetCounters counters) {
        options.samplesOut().ifPresent(file -> {
            try {
                counters.heartbeatLatency.writeCsv(file, counters.windowStart());
                progress("wrote every measured heartbeat to " + file);
            } catch (java.io.IOException e) {
                progress("cannot write " + file + ": " + e.getMessage());
            }
        });
    }

    private static String commandLine(String[] args) {
        String jvm = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return "java " + (jvm.isEmpty() ? "" : jvm + " ") + "-cp <bench class path> " + HeartbeatBench.class.getName()
                + " " + String.join(" ", args);
    }

    private static void progress(String message) {
        System.err.println("bench " + java.time.LocalTime.now().withNano(0) + ": " + message);
    }
}
