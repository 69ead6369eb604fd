package io.cluman.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cluman.model.agent.Assignments;
import io.cluman.model.agent.CheckReport;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.agent.RenewRequest;
import io.cluman.model.agent.RenewResponse;
import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.StatusReport;
import io.cluman.model.api.BatchRequest;
import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.AutoscaleView;
import io.cluman.model.api.CheckDispatchView;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.CheckView;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ClusterView;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.HealthStatus;
import io.cluman.model.api.LogQuery;
import io.cluman.model.api.NodePatch;
import io.cluman.model.api.NodeView;
import io.cluman.model.api.RegistryRequest;
import io.cluman.model.api.RegistryView;
import io.cluman.model.api.CaView;
import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.api.NodeMetricsView;
import io.cluman.model.api.ContainerMetricsView;
import io.cluman.model.api.JoinTokenView;
import io.cluman.model.api.TokenCreated;
import io.cluman.model.api.TokenRequest;
import io.cluman.model.api.TokenView;
import io.cluman.model.api.ScaleRequest;
import io.cluman.model.api.ApplicationRequest;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.api.UnmanagedContainer;
import io.cluman.model.check.Check;
import io.cluman.model.event.Event;
import io.cluman.model.job.Job;
import io.cluman.model.node.NodeOperation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A client of one Cluman server. Thread-safe; one instance per server and token. Errors the server
 * reports arrive as {@link ApiException}; an unreachable server as {@link java.io.UncheckedIOException}.
 */
public final class ClumanClient {
    private final Transport transport;

    private ClumanClient(Transport transport) {
        this.transport = transport;
    }

    /** A client of {@code address} ({@code http://127.0.0.1:8761}) that sends {@code token} (may be empty). */
    public static ClumanClient connect(String address, String token) {
        return connect(address, token, builder().build());
    }

    /** As {@link #connect(String, String)}, for an {@code https://} server whose certificate {@code tls} trusts. */
    public static ClumanClient connect(String address, String token, SSLContext tls) {
        return connect(address, token, builder().sslContext(tls).build());
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .version(HttpClient.Version.HTTP_1_1);
    }

    /** As {@link #connect(String, String)}, over a given {@link HttpClient} (shared by simulated agents). */
    public static ClumanClient connect(String address, String token, HttpClient http) {
        URI base = URI.create(address.endsWith("/") ? address : address + "/");
        return new ClumanClient(new Transport(http, base, token, Duration.ofSeconds(30)));
    }

    /**
     * A client that asks {@code endpoint} where each request goes (address, HTTP client, token): an agent's,
     * which moves to mutual TLS after its join and to a new certificate after a renewal.
     */
    public static ClumanClient switching(java.util.function.Supplier<ClientEndpoint> endpoint) {
        return new ClumanClient(new Transport(endpoint, Duration.ofSeconds(30)));
    }

    /** Where the next request goes. */
    public URI address() {
        return transport.base();
    }

    public HealthStatus health() {
        return transport.send("GET", "v1/health", null, HealthStatus.class);
    }

    // ---- nodes

    /** Nodes, filtered by {@code cluster}, {@code state}, {@code on}, {@code label} (k=v) when given. */
    public List<NodeView> nodes(Map<String, String> filters) {
        return transport.send("GET", "v1/nodes" + Transport.query(filters), null, new TypeReference<>() { });
    }

    public NodeView node(String id) {
        return transport.send("GET", "v1/nodes/" + Transport.segment(id), null, NodeView.class);
    }

    public NodeView patchNode(String id, NodePatch patch) {
        return transport.send("PATCH", "v1/nodes/" + Transport.segment(id), patch, NodeView.class);
    }

    /** Starts a lifecycle operation on one node; returns its job. */
    public Job operate(String id, NodeOperation operation) {
        return transport.send("POST", "v1/nodes/" + Transport.segment(id) + "/" + operation.wireName(), null,
                Job.class);
    }

    public Job batch(BatchRequest request) {
        return transport.send("POST", "v1/nodes/batch", request, Job.class);
    }

    /** What runs on the node's engine without Cluman's labels (asked of its agent); Cluman never touches it. */
    public List<UnmanagedContainer> unmanaged(String nodeId) {
        return transport.send("GET", "v1/nodes/" + Transport.segment(nodeId) + "/unmanaged", null,
                new TypeReference<>() { });
    }

    public void deleteNode(String id) {
        transport.send("DELETE", "v1/nodes/" + Transport.segment(id), null, Void.class);
    }

    // ---- clusters

    public List<ClusterView> clusters() {
        return transport.send("GET", "v1/clusters", null, new TypeReference<>() { });
    }

    public ClusterView cluster(String name) {
        return transport.send("GET", "v1/clusters/" + Transport.segment(name), null, ClusterView.class);
    }

    public ClusterView createCluster(ClusterRequest request) {
        return transport.send("POST", "v1/clusters", request, ClusterView.class);
    }

    public ClusterView patchCluster(String name, ClusterRequest request) {
        return transport.send("PATCH", "v1/clusters/" + Transport.segment(name), request, ClusterView.class);
    }

    public void deleteCluster(String name) {
        transport.send("DELETE", "v1/clusters/" + Transport.segment(name), null, Void.class);
    }

    public ClusterView addNode(String cluster, String nodeId) {
        return transport.send("PUT", "v1/clusters/" + Transport.segment(cluster) + "/nodes/"
                + Transport.segment(nodeId), null, ClusterView.class);
    }

    public ClusterView removeNode(String cluster, String nodeId) {
        return transport.send("DELETE", "v1/clusters/" + Transport.segment(cluster) + "/nodes/"
                + Transport.segment(nodeId), null, ClusterView.class);
    }

    // ---- tokens

    /** The API tokens: name, role, created, expires; never their values. */
    public List<TokenView> tokens() {
        return transport.send("GET", "v1/tokens", null, new TypeReference<>() { });
    }

    /** Makes a token; the answer holds its value, which the server never shows again. */
    public TokenCreated createToken(TokenRequest request) {
        return transport.send("POST", "v1/tokens", request, TokenCreated.class);
    }

    /** Revokes a token: it stops working at once. */
    public void deleteToken(String name) {
        transport.send("DELETE", "v1/tokens/" + Transport.segment(name), null, Void.class);
    }

    /** The join tokens: id, description, expiry, uses, state; never their values. */
    public List<JoinTokenView> joinTokens() {
        return transport.send("GET", "v1/tokens/join", null, new TypeReference<>() { });
    }

    /** Makes a join token; the answer holds its value, which the server never shows again. */
    public JoinTokenCreated createJoinToken(JoinTokenRequest request) {
        return transport.send("POST", "v1/tokens/join", request, JoinTokenCreated.class);
    }

    /** Revokes a join token: joins with it are refused from now on. */
    public void revokeJoinToken(String id) {
        transport.send("DELETE", "v1/tokens/join/" + Transport.segment(id), null, Void.class);
    }

    /** The cluster CA's certificate and fingerprint (no token needed). */
    public CaView ca() {
        return transport.send("GET", "v1/ca", null, CaView.class);
    }

    // ---- registries

    public List<RegistryView> registries() {
        return transport.send("GET", "v1/registries", null, new TypeReference<>() { });
    }

    public RegistryView registry(String name) {
        return transport.send("GET", "v1/registries/" + Transport.segment(name), null, RegistryView.class);
    }

    /** Adds a registry (or, named {@code docker.io}, Docker Hub's credentials); the password is never shown again. */
    public RegistryView addRegistry(RegistryRequest request) {
        return transport.send("POST", "v1/registries", request, RegistryView.class);
    }

    public void deleteRegistry(String name) {
        transport.send("DELETE", "v1/registries/" + Transport.segment(name), null, Void.class);
    }

    // ---- containers

    public List<ContainerView> containers(Map<String, String> filters) {
        return transport.send("GET", "v1/containers" + Transport.query(filters), null, new TypeReference<>() { });
    }

    public ContainerView container(String name) {
        return transport.send("GET", "v1/containers/" + Transport.segment(name), null, ContainerView.class);
    }

    public ContainerView createContainer(ContainerRequest request) {
        return transport.send("POST", "v1/containers", request, ContainerView.class);
    }

    /** {@code start}, {@code stop} or {@code restart}. */
    public ContainerView containerAction(String name, String action) {
        return transport.send("POST", "v1/containers/" + Transport.segment(name) + "/" + action, null,
                ContainerView.class);
    }

    /**
     * The container's output, line by line as the server streams it from the node's agent. With
     * {@code follow} the stream ends when the container ends; close it to stop earlier.
     *
     * @param query which lines ({@link LogQuery#parse} reads the raw options)
     */
    public Stream<String> containerLogs(String name, LogQuery query) {
        InputStream in = transport.stream("v1/containers/" + Transport.segment(name) + "/logs"
                + query.toQueryString(), Map.of(), "text/plain");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines().onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                // closing the connection early: nothing more to read anyway
            }
        });
    }

    public void deleteContainer(String name) {
        transport.send("DELETE", "v1/containers/" + Transport.segment(name), null, Void.class);
    }

    // ---- applications

    /** Deploys a compose file; the view lists its warnings. */
    public ApplicationView deployApplication(ApplicationRequest request) {
        return transport.send("POST", "v1/applications", request, ApplicationView.class);
    }

    public List<ApplicationView> applications() {
        return transport.send("GET", "v1/applications", null, new TypeReference<>() { });
    }

    /** One application with its services' replicas, warnings and compose source. */
    public ApplicationView application(String name) {
        return transport.send("GET", "v1/applications/" + Transport.segment(name), null, ApplicationView.class);
    }

    /** Scales every service of the application to 0, remembering their replicas. */
    public ApplicationView stopApplication(String name) {
        return transport.send("POST", "v1/applications/" + Transport.segment(name) + "/stop", null,
                ApplicationView.class);
    }

    /** Starts the services again, in dependency order. */
    public ApplicationView startApplication(String name) {
        return transport.send("POST", "v1/applications/" + Transport.segment(name) + "/start", null,
                ApplicationView.class);
    }

    /** Removes the application with its services and their containers. */
    public void deleteApplication(String name) {
        transport.send("DELETE", "v1/applications/" + Transport.segment(name), null, Void.class);
    }

    // ---- services

    public List<ServiceView> services() {
        return transport.send("GET", "v1/services", null, new TypeReference<>() { });
    }

    /** One service with each replica's node, status, health and restarts. */
    public ServiceView service(String name) {
        return transport.send("GET", "v1/services/" + Transport.segment(name), null, ServiceView.class);
    }

    public ServiceView createService(ServiceRequest request) {
        return transport.send("POST", "v1/services", request, ServiceView.class);
    }

    /** Replaces the spec; the replica count stays when {@code request.replicas()} is null. */
    public ServiceView replaceService(String name, ServiceRequest request) {
        return transport.send("PUT", "v1/services/" + Transport.segment(name), request, ServiceView.class);
    }

    /** Lets the running deployment go on past its canaries. */
    public ServiceView promoteService(String name) {
        return transport.send("POST", "v1/services/" + Transport.segment(name) + "/promote", null, ServiceView.class);
    }

    public ServiceView scaleService(String name, int replicas) {
        return transport.send("POST", "v1/services/" + Transport.segment(name) + "/scale", new ScaleRequest(replicas),
                ServiceView.class);
    }

    /** Removes the service and its replicas. */
    public void deleteService(String name) {
        transport.send("DELETE", "v1/services/" + Transport.segment(name), null, Void.class);
    }

    /** Sets (or replaces) the autoscale policy of a service. */
    public AutoscaleView autoscale(String service, AutoscaleRequest request) {
        return transport.send("PUT", "v1/services/" + Transport.segment(service) + "/autoscale", request,
                AutoscaleView.class);
    }

    /** The autoscale policy of a service with the autoscaler's last evaluation. */
    public AutoscaleView autoscaler(String service) {
        return transport.send("GET", "v1/services/" + Transport.segment(service) + "/autoscale", null,
                AutoscaleView.class);
    }

    /** Every autoscale policy. */
    public List<AutoscaleView> autoscalers() {
        return transport.send("GET", "v1/autoscalers", null, new TypeReference<>() { });
    }

    /** Stops autoscaling a service; its count stays. */
    public void stopAutoscaling(String service) {
        transport.send("DELETE", "v1/services/" + Transport.segment(service) + "/autoscale", null, Void.class);
    }

    // ---- checks

    public CheckView createCheck(CheckRequest request) {
        return transport.send("POST", "v1/checks", request, CheckView.class);
    }

    public List<CheckView> checks() {
        return transport.send("GET", "v1/checks", null, new TypeReference<>() { });
    }

    public CheckView check(String name) {
        return transport.send("GET", "v1/checks/" + Transport.segment(name), null, CheckView.class);
    }

    public void deleteCheck(String name) {
        transport.send("DELETE", "v1/checks/" + Transport.segment(name), null, Void.class);
    }

    /** Where each check runs, and the dangling ones. */
    public CheckDispatchView checkDispatch() {
        return transport.send("GET", "v1/checks/dispatch", null, CheckDispatchView.class);
    }

    // ---- jobs

    public List<Job> jobs() {
        return transport.send("GET", "v1/jobs", null, new TypeReference<>() { });
    }

    public Job job(String id) {
        return transport.send("GET", "v1/jobs/" + Transport.segment(id), null, Job.class);
    }

    // ---- events

    /** Recent events, filtered by {@code topic}, {@code severity}, {@code since} (event id), {@code limit}. */
    public List<Event> events(Map<String, String> filters) {
        return transport.send("GET", "v1/events" + Transport.query(filters), null, new TypeReference<>() { });
    }

    /** Opens the live event stream; see {@link EventStream}. */
    public EventStream streamEvents(Map<String, String> filters, long lastEventId) {
        Map<String, String> headers = lastEventId > 0 ? Map.of("Last-Event-ID", Long.toString(lastEventId)) : Map.of();
        return new EventStream(transport.stream("v1/events/stream" + Transport.query(filters), headers));
    }

    // ---- agent protocol

    public JoinResponse join(JoinRequest request) {
        return transport.send("POST", "v1/agent/join", request, JoinResponse.class);
    }

    /** A node's metrics history; {@code params}: from, to, step (as {@code GET /v1/metrics/nodes/{id}} takes). */
    public NodeMetricsView nodeMetrics(String id, Map<String, String> params) {
        return transport.send("GET", "v1/metrics/nodes/" + Transport.segment(id) + Transport.query(params), null,
                NodeMetricsView.class);
    }

    /** A container's stats history; {@code params} as {@link #nodeMetrics} takes them. */
    public ContainerMetricsView containerMetrics(String id, Map<String, String> params) {
        return transport.send("GET", "v1/metrics/containers/" + Transport.segment(id) + Transport.query(params), null,
                ContainerMetricsView.class);
    }

    /** A new node certificate for the caller's (mutual TLS) node. */
    public RenewResponse renew(RenewRequest request) {
        return transport.send("POST", "v1/agent/renew", request, RenewResponse.class);
    }

    public HeartbeatResponse heartbeat(HeartbeatRequest request) {
        return transport.send("POST", "v1/agent/heartbeat", request, HeartbeatResponse.class);
    }

    /**
     * A node's allocations: at once when {@code index} is 0 or they changed since, else when they change
     * or {@code wait} passes (the server caps it at 60 s). Pass the answer's index to the next call.
     */
    public Assignments assignments(String nodeId, long index, Duration wait) {
        return transport.send("GET", "v1/agent/assignments" + Transport.query(Map.of("node", nodeId, "index",
                Long.toString(index), "wait", wait.toSeconds() + "s")), null, Assignments.class, wait.plusSeconds(30));
    }

    public void reportStatus(StatusReport report) {
        transport.send("POST", "v1/agent/status", report, Void.class);
    }

    /** Samples of the node's running tasks ({@code POST /v1/agent/stats}). */
    public void reportStats(StatsReport report) {
        transport.send("POST", "v1/agent/stats", report, Void.class);
    }

    /** The checks dispatched to a node (an agent asks for its own). */
    public List<Check> agentChecks(String nodeId) {
        return transport.send("GET", "v1/agent/checks?node=" + Transport.segment(nodeId), null,
                new TypeReference<>() { });
    }

    public void reportCheckResults(CheckReport report) {
        transport.send("POST", "v1/agent/check-results", report, Void.class);
    }
}
