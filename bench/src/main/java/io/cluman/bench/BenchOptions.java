package io.cluman.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@link HeartbeatBench}, parsed and checked.
 *
 * @param server      URL of an already running server; empty with {@code --spawn-server}
 * @param dataDir     the server's data dir: tokens are read from it (and, when spawning, it is used
 *                    instead of a temporary directory)
 * @param serverPid   the server's process id, for CPU and memory figures; spawning knows it
 * @param serverJvmArgs extra arguments of the spawned server's JVM ({@code --server-jvm-arg}, repeatable)
 * @param httpClients how many JDK HTTP clients the agents are spread over (see {@link SimulatedFleet})
 * @param samplesOut  where to write every measured heartbeat (start in ms into the window, latency in µs)
 * @param fixedRate   beat at a fixed rate (next = previous plan + interval), as the real agent does
 *                    ({@code --beat-timing fixed-rate}, the default), or one interval after each reply
 *                    ({@code after-reply}, the agent's behaviour before it was fixed)
 * @param jetty       an experiment on the spawned server's Jetty settings; normally {@link JettyExperiment#NONE}
 */
record BenchOptions(Optional<String> server, boolean spawnServer, Optional<Path> dataDir, Optional<String> joinToken,
                    Optional<String> adminToken, Optional<Long> serverPid, int port, String serverHeap,
                    List<String> serverJvmArgs, JettyExperiment jetty, int nodes, int httpClients, Duration warmup,
                    Duration duration, int joinRate, long seed, boolean keepData, Optional<Path> samplesOut,
                    boolean fixedRate) {
    static final String USAGE = """
            usage: HeartbeatBench (--spawn-server [--port P] [--server-heap 512m] [--server-jvm-arg ARG]...
                                   | --server URL (--data DIR | --join-token T --admin-token T) [--server-pid PID])
                                  [--nodes 10000] [--join-rate 500] [--warmup 30s] [--duration 120s]
                                  [--http-clients 8] [--beat-timing fixed-rate|after-reply]
                                  [--seed 1] [--keep-data] [--samples-out FILE.csv]
              durations: 500ms, 30s, 2m (a bare number is seconds)
              experiments on a spawned server only (not the product's settings, changed by reflection):
                [--jetty-header-cache N] [--jetty-accept-queue N]""";

    BenchOptions {
        serverJvmArgs = List.copyOf(serverJvmArgs);
        if (spawnServer == server.isPresent()) {
            throw new IllegalArgumentException("give exactly one of --spawn-server and --server URL");
        }
        if (server.isPresent() && dataDir.isEmpty() && (joinToken.isEmpty() || adminToken.isEmpty())) {
            throw new IllegalArgumentException("with --server, give --data DIR or both --join-token and --admin-token");
        }
        if (nodes < 1 || joinRate < 1 || httpClients < 1) {
            throw new IllegalArgumentException("--nodes, --http-clients and --join-rate must be at least 1");
        }
        if (!jetty.isNone() && !spawnServer) {
            throw new IllegalArgumentException("--jetty-* experiments need --spawn-server");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive and --warmup not negative");
        }
    }

    static BenchOptions parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--spawn-server") || name.equals("--keep-data")) {
                b.flag(name);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            b.option(name, args[++i]);
        }
        return b.build();
    }

    /** Collects options in any order. */
    private static final class Builder {
        private String server;
        private boolean spawn;
        private Path data;
        private String joinToken;
        private String adminToken;
        private Long pid;
        private int port;
        private String heap = "512m";
        private final List<String> jvmArgs = new ArrayList<>();
        private int headerCache = JettyExperiment.NONE.headerCacheSize();
        private int acceptQueue = JettyExperiment.NONE.acceptQueueSize();
        private int nodes = 10_000;
        private int httpClients = 8;
        private Duration warmup = Duration.ofSeconds(30);
        private Duration duration = Duration.ofSeconds(120);
        private int joinRate = 500;
        private long seed = 1;
        private boolean keep;
        private Path samplesOut;
        private boolean fixedRate = true;

        void flag(String name) {
            if (name.equals("--spawn-server")) {
                spawn = true;
            } else {
                keep = true;
            }
        }

        void option(String name, String value) {
            switch (name) {
                case "--server" -> server = value;
                case "--data" -> data = Path.of(value);
                case "--join-token" -> joinToken = value;
                case "--admin-token" -> adminToken = value;
                case "--server-pid" -> pid = Long.parseLong(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--server-heap" -> heap = value;
                case "--server-jvm-arg" -> jvmArgs.add(value);
                case "--jetty-header-cache" -> headerCache = Integer.parseInt(value);
                case "--jetty-accept-queue" -> acceptQueue = Integer.parseInt(value);
                case "--nodes" -> nodes = Integer.parseInt(value.replace("_", ""));
                case "--http-clients" -> httpClients = Integer.parseInt(value);
                case "--warmup" -> warmup = duration(value);
                case "--duration" -> duration = duration(value);
                case "--join-rate" -> joinRate = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--samples-out" -> samplesOut = Path.of(value);
                case "--beat-timing" -> fixedRate = switch (value) {
                    case "fixed-rate" -> true;
                    case "after-reply" -> false;
                    default -> throw new IllegalArgumentException("--beat-timing is after-reply or fixed-rate");
                };
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }

        BenchOptions build() {
            return new BenchOptions(Optional.ofNullable(server), spawn, Optional.ofNullable(data),
                    Optional.ofNullable(joinToken), Optional.ofNullable(adminToken), Optional.ofNullable(pid), port,
                    heap, jvmArgs, new JettyExperiment(headerCache, acceptQueue), nodes, httpClients, warmup,
                    duration, joinRate, seed, keep, Optional.ofNullable(samplesOut), fixedRate);
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or a bare number of seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
}
