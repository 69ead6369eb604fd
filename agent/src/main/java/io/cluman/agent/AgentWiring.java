package io.cluman.agent;

import io.cluman.agent.api.LocalApiServer;
import io.cluman.agent.driver.DockerProbe;
import io.cluman.agent.driver.DriverProbe;
import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.docker.DockerDriver;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.agent.heartbeat.HeartbeatLoop;
import io.cluman.agent.heartbeat.LoopTiming;
import io.cluman.agent.host.FactsCollector;
import io.cluman.agent.host.MetricsSampler;
import io.cluman.agent.identity.CredentialStore;
import io.cluman.agent.identity.NodeCredentials;
import io.cluman.agent.identity.NodeIdFile;
import io.cluman.agent.stats.StatsLoop;
import io.cluman.agent.checks.CheckLoop;
import io.cluman.agent.stats.StatsSampler;
import io.cluman.agent.tasks.AssignmentLoop;
import io.cluman.agent.tls.CertificateRenewal;
import io.cluman.agent.tls.NodeTls;
import io.cluman.client.ClientTls;
import io.cluman.client.ClumanClient;
import io.cluman.model.node.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * One agent, assembled with {@code new}: the node-id file, OSHI's {@link SystemInfo} (one per agent),
 * the task drivers ({@link ProcessDriver}, and {@link DockerDriver} when {@code DOCKER_HOST} names a unix
 * socket or none is set), the node's TLS credentials ({@link NodeTls}: the one client to the server asks it
 * where each request goes, the join address with the token or the agent port with the node certificate),
 * the {@link HeartbeatLoop} and the {@link CertificateRenewal}. Several agents may live in one JVM (tests):
 * nothing here is static.
 *
 * <pre>{@code
 * try (AgentWiring agent = new AgentWiring(AgentConfig.of(url, token, dir, null, "zone=a"), InstantSource.system())) {
 *     agent.start();
 *     agent.awaitJoined(Duration.ofSeconds(10));
 *     ...
 * }
 * }</pre>
 *
 * <p>The constructor does no I/O beyond reading OSHI's first CPU ticks; {@link #start()} creates the
 * data dir, reads the kept credentials, detects the drivers (bounded by the docker ping's 2 s timeout),
 * binds the local API ({@link LocalApiServer}, whose address goes to the server with the facts; its TLS
 * handshakes fail until the node has credentials) and starts the loops' threads, then returns. Once joined, the
 * task runners start and a {@link StatsLoop} samples their running tasks every
 * {@link AgentConfig#statsInterval()}. {@link #close()} stops heartbeats, stats and releases the HTTP client; it
 * will not stop work that task runners started (the agent re-attaches to it after a restart).
 *
 * <p>The loop runs on a virtual thread, which does not keep the JVM alive: a process that only runs
 * the agent (the CLI) blocks its main thread in {@link #awaitClosed()} and calls {@link #close()} from a
 * shutdown hook.
 */
public final class AgentWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentWiring.class);
    private static final Duration FACTS_MAX_AGE = Duration.ofMinutes(1);
    /** How often the renewal looks at the node certificate. */
    static final Duration RENEWAL_CHECK = Duration.ofMinutes(1);
    private static final Duration RENEWAL_MAX_BACKOFF = Duration.ofMinutes(10);
    /** How many tasks are sampled at once (the Docker Engine measures each over about a second). */
    private static final int STATS_CONCURRENCY = 16;
    /** How often the agent asks for its checks even when no heartbeat answer told it they changed. */
    private static final Duration CHECK_REFRESH = Duration.ofMinutes(1);

    private final AgentConfig config;
    private final ExecutorService httpExecutor;
    private final NodeTls tls;
    private final CertificateRenewal renewal;
    private final DriverSet drivers;
    private final List<TaskDriver> taskDrivers;
    private final HeartbeatLoop loop;
    private final ClumanClient client;
    private final LocalApiServer localApi;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile AssignmentLoop assignments;
    private volatile StatsLoop stats;
    private volatile CheckLoop checks;
    private final InstantSource clock;

    /** An agent that finds the docker engine through the process environment ({@code DOCKER_HOST}). */
    public AgentWiring(AgentConfig config, InstantSource clock) {
        this(config, clock, System.getenv());
    }

    /**
     * An agent that finds the docker engine through {@code environment} ({@code DOCKER_HOST}) and passes
     * its process tasks that environment's PATH, HOME, LANG, ....
     */
    public AgentWiring(AgentConfig config, InstantSource clock, Map<String, String> environment) {
        this(config, clock, candidates(config, clock, environment), LoopTiming.DEFAULTS);
    }

    AgentWiring(AgentConfig config, InstantSource clock, List<DriverProbe> driverCandidates, LoopTiming timing) {
        this(config, clock, driverCandidates, timing, RENEWAL_CHECK);
    }

    /** @param renewalCheck how often the renewal looks at the node certificate */
    AgentWiring(AgentConfig config, InstantSource clock, List<DriverProbe> driverCandidates, LoopTiming timing,
                Duration renewalCheck) {
        this.config = config;
        this.clock = clock;
        this.httpExecutor = Executors.newVirtualThreadPerTaskExecutor();
        SecureRandom random = new SecureRandom();
        // an https join address signed by another CA is trusted through --ca-file; the agent port through the
        // cluster CA the join answered with
        this.tls = new NodeTls(new CredentialStore(config.dataDir()), config.joinUrl(), config.token(),
                () -> {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .executor(httpExecutor)
                            .version(HttpClient.Version.HTTP_1_1);
                    return config.caFile() == null ? builder : builder.sslContext(ClientTls.trusting(config.caFile()));
                }, random, config.caFile() != null);
        this.client = ClumanClient.switching(tls);
        this.renewal = new CertificateRenewal(tls, client, clock, random, renewalCheck, RENEWAL_MAX_BACKOFF);
        SystemInfo system = new SystemInfo();
        this.drivers = new DriverSet(driverCandidates);
        this.taskDrivers = driverCandidates.stream().filter(TaskDriver.class::isInstance).map(TaskDriver.class::cast)
                .toList();
        FactsCollector facts = new FactsCollector(system);
        this.localApi = new LocalApiServer(config.localApi(), tls::credentials, this::task, drivers,
                facts::primaryAddress);
        HostReport report = new HostReport(facts, new MetricsSampler(system, config.dataDir(), clock), drivers, clock,
                FACTS_MAX_AGE, localApi::address);
        this.loop = new HeartbeatLoop(client, new NodeIdFile(config.dataDir()), tls,
                config.name() == null ? "" : config.name(), config.labels(), report, clock, timing);
    }

    /**
     * Creates the data dir, reads the kept credentials, detects drivers, starts the local API, starts joining,
     * heartbeating and renewing; returns at once after.
     *
     * @throws UncheckedIOException when the data dir cannot be created or its node-id or credential files read,
     *                              or the local API cannot listen where it is told to
     */
    public void start() {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the agent's data dir " + dir + ": " + e.getMessage(), e);
        }
        tls.load();
        drivers.detect();
        localApi.start();
        LOG.info("agent starting: server {}, data dir {}, drivers {}, local API {}", config.joinUrl(), dir,
                drivers.names(), localApi.address());
        loop.start();
        renewal.start();
        loop.joined().thenAccept(this::runTasks);
    }

    /** The node's id: kept from an earlier run, or received at the first join; empty before either. */
    public Optional<String> nodeId() {
        return loop.nodeId();
    }

    /** Completes with the node id at the first join of this run; cancelled when closed before. */
    public CompletableFuture<String> joined() {
        return loop.joined();
    }

    /** Waits up to {@code timeout} for the first join of this run; whether it happened. */
    public boolean awaitJoined(Duration timeout) {
        return loop.awaitJoined(timeout);
    }

    /** The node's lifecycle state as of the last heartbeat reply. */
    public Optional<NodeState> state() {
        return loop.state();
    }

    /** The node's credentials: empty before the first join (or after the node was removed). */
    public Optional<NodeCredentials> credentials() {
        return tls.credentials();
    }

    /** The names of the drivers detected at start. */
    public List<String> drivers() {
        return drivers.names();
    }

    /**
     * The detected driver called {@code name} ({@code process}, {@code docker}), for the task runners;
     * empty when this node has no such driver (or before {@link #start()}).
     */
    public Optional<TaskDriver> taskDriver(String name) {
        return drivers.taskDriver(name);
    }

    /** The {@code host:port} of the local API as told to the server; empty before {@link #start()}. */
    public String apiAddress() {
        return localApi.address();
    }

    /** The task of {@code allocId} while the task runners know it (for the local API). */
    private Optional<TaskHandle> task(String allocId) {
        AssignmentLoop running = assignments;
        return running == null ? Optional.empty() : running.task(allocId);
    }

    public AgentConfig config() {
        return config;
    }

    /**
     * Once the node has its id: follows the node's allocations and runs them with the drivers detected
     * at start (tasks of drivers that are not available are reported failed).
     */
    private void runTasks(String nodeId) {
        Map<String, TaskDriver> available = new java.util.HashMap<>();
        for (String name : drivers.names()) {
            drivers.taskDriver(name).ifPresent(d -> available.put(name, d));
        }
        AssignmentLoop started = new AssignmentLoop(client, nodeId, available);
        if (closed.getCount() == 0) {
            return;
        }
        assignments = started;
        started.start();
        stats = statsLoop(nodeId, available, started).start();
        CheckLoop checking = new CheckLoop(nodeId, () -> client.agentChecks(nodeId), client::reportCheckResults,
                CHECK_REFRESH, clock).start();
        checks = checking;
        loop.listen(reply -> {
            if (reply.checks() != null) {
                checking.digest(reply.checks());
            }
        });
    }

    /**
     * Samples the running tasks every {@link AgentConfig#statsInterval()} for the server's stats history: up to
     * {@link #STATS_CONCURRENCY} samples at once, a round waiting at most 80% of the interval.
     */
    private StatsLoop statsLoop(String nodeId, Map<String, TaskDriver> available, AssignmentLoop tasks) {
        Map<String, StatsSource> sources = new java.util.HashMap<>();
        available.forEach((name, driver) -> {
            if (driver instanceof StatsSource source) {
                sources.put(name, source);
            }
        });
        Duration interval = config.statsInterval();
        return new StatsLoop(nodeId, tasks::running, new StatsSampler(sources, STATS_CONCURRENCY,
                interval.multipliedBy(4).dividedBy(5)), client::reportStats, interval);
    }

    /** Blocks the calling thread until {@link #close()} has run (from another thread, e.g. a shutdown hook). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops the local API, heartbeats (promptly: no heartbeat starts after this returns), renewals, stats, the HTTP
     * clients and the drivers' connections and threads. Tasks keep running. Idempotent.
     */
    @Override
    public void close() {
        try {
            localApi.close();
            loop.close();
            renewal.close();
            StatsLoop sampling = stats;
            if (sampling != null) {
                sampling.close();
            }
            CheckLoop checking = checks;
            if (checking != null) {
                checking.close();
            }
            AssignmentLoop running = assignments;
            if (running != null) {
                running.close();
            }
            tls.close();
            httpExecutor.shutdownNow();
            taskDrivers.forEach(TaskDriver::close);
        } finally {
            closed.countDown();
        }
    }

    private static List<DriverProbe> candidates(AgentConfig config, InstantSource clock,
                                                Map<String, String> environment) {
        List<DriverProbe> drivers = new ArrayList<>();
        drivers.add(new ProcessDriver(config.dataDir(), clock, environment, ProcessDriver.Options.DEFAULTS));
        Optional<Path> socket = DockerProbe.socketFrom(environment);
        if (socket.isPresent()) {
            drivers.add(new DockerDriver(socket.get(), DockerDriver.DEFAULT_PULL_TIMEOUT, clock));
        } else {
            LOG.info("driver docker is not available: DOCKER_HOST={} is not a unix:// socket",
                    environment.get("DOCKER_HOST"));
        }
        return drivers;
    }
}
