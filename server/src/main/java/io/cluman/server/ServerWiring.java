package io.cluman.server;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.check.Check;
import io.cluman.model.container.Container;
import io.cluman.model.job.Job;
import io.cluman.model.node.Node;
import io.cluman.model.registry.Registry;
import io.cluman.model.service.Service;
import io.cluman.server.agents.AgentLink;
import io.cluman.server.agents.NodeAgents;
import io.cluman.server.applications.ApplicationController;
import io.cluman.server.applications.ApplicationOperations;
import io.cluman.server.autoscale.AutoscaleOperations;
import io.cluman.server.autoscale.Autoscaler;
import io.cluman.server.checks.CheckDispatcher;
import io.cluman.server.checks.CheckOperations;
import io.cluman.server.checks.CheckResults;
import io.cluman.server.api.Api;
import io.cluman.server.api.AuditTrail;
import io.cluman.server.api.ApiServer;
import io.cluman.server.clusters.ClusterOperations;
import io.cluman.server.clusters.MembershipController;
import io.cluman.server.containers.AssignmentFeed;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.containers.LostContainerMover;
import io.cluman.server.containers.DefaultsQuery;
import io.cluman.server.containers.StatusReceiver;
import io.cluman.server.events.EventBus;
import io.cluman.server.events.EventFeed;
import io.cluman.server.events.EventRetention;
import io.cluman.server.jobs.JobController;
import io.cluman.server.nodes.JoinKeys;
import io.cluman.server.jobs.JobSubmitter;
import io.cluman.server.jointokens.JoinTokens;
import io.cluman.server.leader.LeaderControllers;
import io.cluman.server.leader.Leadership;
import io.cluman.server.leader.SoleLeadership;
import io.cluman.server.nodes.HealthPolicy;
import io.cluman.server.nodes.HeartbeatPacing;
import io.cluman.server.nodes.HeartbeatReceiver;
import io.cluman.server.nodes.HeartbeatTable;
import io.cluman.server.nodes.Ids;
import io.cluman.server.nodes.NodeJoiner;
import io.cluman.server.nodes.NodeLiveness;
import io.cluman.server.nodes.NodeOperations;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.nodes.NodeViews;
import io.cluman.server.options.ConfigRefresher;
import io.cluman.server.options.ConfigRepository;
import io.cluman.server.options.CachedImageLabels;
import io.cluman.server.options.ContainerDefaults;
import io.cluman.server.options.ImageLabelSource;
import io.cluman.server.pki.AgentEnrollment;
import io.cluman.server.pki.ClusterCa;
import io.cluman.server.pki.ServerCredentials;
import io.cluman.server.api.AgentConnector;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.placement.PlanApplier;
import io.cluman.server.prometheus.FleetGauges;
import io.cluman.server.prometheus.FleetViews;
import io.cluman.server.prometheus.ServerMeters;
import io.cluman.server.prometheus.TimedKvStore;
import io.cluman.server.registries.ManifestLabels;
import io.cluman.server.registries.PullFailures;
import io.cluman.server.registries.RegistryCatalog;
import io.cluman.server.registries.RegistryLogins;
import io.cluman.server.registries.RegistryOperations;
import io.cluman.server.security.BootstrapTokens;
import io.cluman.server.security.PrivateFile;
import io.cluman.server.tls.ApiTls;
import io.cluman.server.security.SecretBox;
import io.cluman.server.security.SecretKeyFile;
import io.cluman.server.security.TokenVerifier;
import io.cluman.server.tokens.TokenOperations;
import io.cluman.server.services.ReplicaWriter;
import io.cluman.server.metrics.ContainerMetricsHistory;
import io.cluman.server.metrics.MetricsStore;
import io.cluman.server.metrics.NodeMetricsHistory;
import io.cluman.server.services.DeploymentJobs;
import io.cluman.server.services.ServiceController;
import io.cluman.server.services.ServiceOperations;
import io.cluman.store.KvStore;
import io.cluman.store.KvStores;
import io.cluman.store.repo.ApiToken;
import io.cluman.store.repo.EventLog;
import io.cluman.store.repo.KeySpace;
import io.cluman.store.repo.Repositories;
import io.cluman.store.repo.RepositoryMirror;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one server process with {@code new}, in dependency order, and closes it in reverse. Reading
 * this class top to bottom shows every part of the server and what it is given.
 */
public final class ServerWiring implements AutoCloseable {
    /** How many events (and, separately, WARNING-or-worse events) are kept. */
    static final int EVENT_HISTORY = 10_000;
    /** How many times a placement re-plans after losing a compare-and-swap to another placement. */
    static final int PLACEMENT_ATTEMPTS = 8;
    /** The cluster CA's certificate in the data dir, for clients of the API. */
    public static final String CA_FILE = "ca.crt";

    private final List<AutoCloseable> closeOrder;
    private final ServerConfig config;
    private final BootstrapTokens.Secrets secrets;
    private final ClusterCa clusterCa;
    private final ApiServer api;
    private final KvStore store;
    private final List<AutoCloseable> closeFirst = new ArrayList<>();

    private ServerWiring(ServerConfig config, InstantSource clock, List<AutoCloseable> opened) {
        this.config = config;
        this.closeOrder = opened;
        createDataDir(config);
        SecureRandom random = new SecureRandom();
        Ids ids = new Ids(random);
        ServerMeters meters = remember(new ServerMeters());
        store = remember(new TimedKvStore(KvStores.open(config.storeSpec(), config.dataDir(), clock),
                meters.registry()));
        Repositories repos = Repositories.over(store);

        secrets = new BootstrapTokens(repos.tokens(), clock, random).ensure(config.dataDir());
        SecretBox secretBox;
        try {
            secretBox = SecretKeyFile.choose(System.getenv(SecretKeyFile.ENVIRONMENT), config.secretKeyFile(),
                    config.dataDir(), random);
            clusterCa = ClusterCa.loadOrCreate(repos.pki(), secretBox, clock, random);
        } catch (RuntimeException refused) {
            close();
            throw refused;
        }
        RepositoryMirror<ApiToken> tokenMirror = remember(new RepositoryMirror<>(store, repos.tokens()).start());
        RepositoryMirror<Node> nodeMirror = remember(new RepositoryMirror<>(store, repos.nodes()).start());
        RepositoryMirror<Job> jobMirror = remember(new RepositoryMirror<>(store, repos.jobs()).start());
        RepositoryMirror<Registry> registryMirror = remember(new RepositoryMirror<>(store, repos.registries()).start());
        RepositoryMirror<ContainerStatus> statusMirror = remember(
                new RepositoryMirror<>(store, repos.containerStatus()).start());
        RepositoryMirror<Service> serviceMirror = remember(new RepositoryMirror<>(store, repos.services()).start());

        EventLog eventLog = new EventLog(store, random);
        EventBus events = new EventBus(eventLog, clock);
        EventFeed eventFeed = remember(new EventFeed(store, KeySpace.EVENTS, EVENT_HISTORY).start());
        EventFeed errorFeed = remember(new EventFeed(store, KeySpace.ERRORS, EVENT_HISTORY).start());

        NodeRegistry nodes = new NodeRegistry(repos.nodes(), nodeMirror);
        HeartbeatTable heartbeats = new HeartbeatTable();
        HeartbeatPacing pacing = new HeartbeatPacing(config.heartbeatInterval(), config.offAfter());
        JobSubmitter jobs = new JobSubmitter(repos.jobs(), events, ids, clock);

        AssignmentFeed assignments = remember(new AssignmentFeed(store, repos.containers()).start());
        new FleetGauges(meters, new FleetViews(nodes, heartbeats, assignments, statusMirror, serviceMirror));
        java.util.concurrent.atomic.AtomicInteger agentPort = new java.util.concurrent.atomic.AtomicInteger();
        ServerCredentials serverTls = ServerCredentials.issue(clusterCa, config.bindHost(), config.agents().agentUrl());
        // public: clients of an API served with --tls auto trust it (the CLI finds it beside admin.token)
        PrivateFile.write(config.dataDir().resolve(CA_FILE), clusterCa.certificatePem());
        AgentEnrollment enrollment = new AgentEnrollment(clusterCa, secretBox, config.agents().nodeCertTtl(),
                agentPort::get, config.agents().agentUrl());
        AgentLink agentLink = remember(new AgentLink(serverTls.context(), enrollment::localApiKey));
        NodeAgents agents = new NodeAgents(nodes, agentLink);
        RegistryCatalog registryCatalog = new RegistryCatalog(registryMirror);
        RegistryLogins logins = new RegistryLogins(registryCatalog, secretBox, events);
        ContainerDefaults defaults = new ContainerDefaults(configRepository(config, clock),
                new CachedImageLabels(ImageLabelSource.firstOf(agents, new ManifestLabels(logins::forImage)),
                        Duration.ofSeconds(30), clock));
        PlanApplier placement = new PlanApplier(store, repos.containers(), repos.containerStatus(), nodes,
                PLACEMENT_ATTEMPTS);
        ContainerOperations containers = new ContainerOperations(store, repos.containers(), repos.containerStatus(),
                repos.clusters(), nodes, placement, events, ids, clock, defaults);
        StatusReceiver statuses = new StatusReceiver(repos.containerStatus(), nodes, assignments, events,
                new PullFailures(registryCatalog), clock);
        RegistryOperations registries = new RegistryOperations(repos.registries(), registryCatalog, secretBox, events,
                clock);

        DeploymentJobs deploymentJobs = new DeploymentJobs(repos.jobs());
        MetricsStore metrics = remember(MetricsStore.open(config.dataDir(), clock));
        NodeMetricsHistory nodeHistory = new NodeMetricsHistory(metrics);
        ContainerMetricsHistory containerHistory = new ContainerMetricsHistory(metrics, (node, alloc) -> assignments
                .byAllocation(alloc).filter(c -> c.node().equals(node)).map(Container::name), clock);
        ServiceOperations services = new ServiceOperations(repos.services(), repos.clusters(), containers, events,
                deploymentJobs, clock, repos.autoscalers());
        RepositoryMirror<Check> checkMirror = remember(new RepositoryMirror<>(store, repos.checks()).start());
        CheckOperations checks = new CheckOperations(repos.checks(), checkMirror, repos.clusters(), nodes,
                new CheckResults(events, id -> nodes.cached(id).map(Node::name).orElse(id)), events, clock);
        Autoscaler autoscaler = new Autoscaler(store, repos.autoscalers(), repos.services(), assignments::all,
                statusMirror::values, containerHistory, events, clock);
        ApplicationOperations applications = new ApplicationOperations(repos.applications(), repos.services(),
                services, events, clock);

        Leadership leadership = remember(new SoleLeadership(serverId()));
        List<io.cluman.server.leader.Controller> controllers = List.of(
                new NodeLiveness(nodes, heartbeats, pacing, events, clock, Duration.ofMillis(500), statuses::markLost),
                new MembershipController(repos.clusters(), nodes, events, Duration.ofSeconds(1)),
                new JobController(repos.jobs(), jobMirror, nodes, repos.containers(), repos.services(), events, clock,
                        Duration.ofMillis(200), config.replacement().drainNoRoom()),
                new EventRetention(eventLog, EVENT_HISTORY, Duration.ofSeconds(30)),
                new ServiceController(store, repos.services(), repos.containers(), repos.containerStatus(), nodes,
                        new ReplicaWriter(containers, events, random), deploymentJobs, events, clock,
                        config.replacement(), Duration.ofMillis(500)),
                new LostContainerMover(store, repos.containers(), nodes, placement, events, ids, clock,
                        config.replacement(), Duration.ofMillis(500)),
                new ApplicationController(store, repos.applications(), repos.services(), containers, events,
                        Duration.ofMillis(500)),
                autoscaler,
                new CheckDispatcher(store, repos.checks(), checkMirror, nodes, events, clock, Duration.ofSeconds(1)));

        api = remember(Api.start(new Api.Parts(new TokenVerifier(tokenMirror), new AuditTrail(events), clock, leadership, store, version(),
                nodes, new NodeOperations(nodes, repos.clusters(), heartbeats, jobs, events), new NodeViews(heartbeats),
                new NodeJoiner(nodes, heartbeats, pacing, jobs, events, ids, clock, config.autoCommission(),
                        new JoinKeys(store, clock)),
                new HeartbeatReceiver(nodes, heartbeats, pacing, new HealthPolicy(config.minDiskFreeRatio()), events,
                        clock, nodeHistory, checks::digest), nodeHistory, containerHistory,
                new ClusterOperations(repos.clusters(), nodes, events, clock), repos.jobs(), eventFeed, errorFeed, containers, assignments, statuses,
                new DefaultsQuery(defaults, nodes, repos.clusters()), registries,
                logins, agents, services, new AutoscaleOperations(repos.autoscalers(), repos.services(), autoscaler,
                        events, clock), checks, applications, new TokenOperations(repos.tokens(), clock, random),
                new JoinTokens(repos.joinTokens(), clusterCa.pin(), ids, clock, random), clusterCa, enrollment,
                new AgentConnector(config.bindHost(), config.agents().port(), serverTls.context()), meters),
                config.bindHost(), config.port(), apiOptions(config.api(), serverTls)));
        agentPort.set(api.agentPort());
        closeFirst.addAll(List.of(leadership, eventFeed, errorFeed, assignments));
        leadership.start(new LeaderControllers(controllers));
    }

    /** {@code options} with {@code --tls auto} turned into this server's certificate from the cluster CA. */
    private static ApiOptions apiOptions(ApiOptions options, ServerCredentials serverTls) {
        return options.tls() instanceof ApiTls.Auto ? options.withTls(new ApiTls.Issued(serverTls.identity()))
                : options;
    }

    /** Opens the store, starts the API and, as leader, the controllers. */
    public static ServerWiring start(ServerConfig config, InstantSource clock) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new ServerWiring(config, clock, opened);
        } catch (RuntimeException e) {
            // a start that fails half-way (a master key that cannot open the CA, a port taken) leaves nothing open
            for (AutoCloseable part : opened.reversed()) {
                try {
                    part.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    public String url() {
        return (api.https() ? "https://" : "http://") + config.bindHost() + ":" + api.port();
    }

    public int port() {
        return api.port();
    }

    /** The agent port's address, {@code https://host:port}. */
    public String agentUrl() {
        return "https://" + config.bindHost() + ":" + api.agentPort();
    }

    public String adminToken() {
        return secrets.admin();
    }

    public String joinToken() {
        return secrets.join();
    }

    /** The cluster CA, loaded from the store or made at this start. */
    public ClusterCa clusterCa() {
        return clusterCa;
    }

    public ApiServer api() {
        return api;
    }

    public KvStore store() {
        return store;
    }

    public static String version() {
        String v = ServerWiring.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The configuration repository, fetched once before the API opens, then refreshed in the background. */
    private ConfigRepository configRepository(ServerConfig config, InstantSource clock) {
        if (config.configGit() == null) {
            return null;
        }
        ConfigRepository repository = new ConfigRepository(config.configGit(), config.dataDir().resolve("config-git"),
                clock);
        ConfigRefresher refresher = remember(new ConfigRefresher(repository));
        refresher.start();
        return repository;
    }

    private static String serverId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "-" + ProcessHandle.current().pid();
    }

    private <T extends AutoCloseable> T remember(T part) {
        closeOrder.add(part);
        return part;
    }

    private static void createDataDir(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + config.dataDir(), e);
        }
    }

    /** Stops the controllers and the event feeds (ending streams) first, then the rest in reverse order of creation. */
    @Override
    public void close() {
        List<AutoCloseable> order = new ArrayList<>(closeFirst);
        order.addAll(closeOrder.reversed());
        for (AutoCloseable part : order) {
            try {
                part.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ServerWiring.class).warn("closing {} failed: {}", part, e.toString());
            }
        }
    }
}
