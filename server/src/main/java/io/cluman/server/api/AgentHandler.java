package io.cluman.server.api;

import io.cluman.model.agent.Assignments;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.agent.RenewRequest;
import io.cluman.model.agent.RenewResponse;
import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.StatusReport;
import io.cluman.model.validation.Validator;
import io.cluman.server.containers.AssignmentFeed;
import io.cluman.server.containers.StatusReceiver;
import io.cluman.server.metrics.ContainerMetricsHistory;
import io.cluman.server.nodes.HeartbeatReceiver;
import io.cluman.server.nodes.NodeJoiner;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.pki.AgentEnrollment;
import io.cluman.server.registries.RegistryLogins;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code /v1/agent}: what agents call. Joining takes a join token and a CSR (or the node certificate, to join
 * again); everything else comes over the agent port's mutual TLS, each node speaking only for itself.
 */
final class AgentHandler {
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final NodeJoiner joiner;
    private final JoinGate gate = new JoinGate();
    private final HeartbeatReceiver heartbeats;
    private final AssignmentFeed assignments;
    private final RegistryLogins logins;
    private final StatusReceiver statuses;
    private final NodeRegistry nodes;
    private final JoinAdmission admission;
    private final AgentEnrollment enrollment;
    private final Timer heartbeatTimer;
    private final ContainerMetricsHistory stats;

    AgentHandler(NodeJoiner joiner, HeartbeatReceiver heartbeats, AssignmentFeed assignments, RegistryLogins logins,
                 StatusReceiver statuses, NodeRegistry nodes, JoinAdmission admission, AgentEnrollment enrollment,
                 Timer heartbeatTimer, ContainerMetricsHistory stats) {
        this.heartbeatTimer = heartbeatTimer;
        this.stats = stats;
        this.admission = admission;
        this.enrollment = enrollment;
        this.joiner = joiner;
        this.heartbeats = heartbeats;
        this.assignments = assignments;
        this.logins = logins;
        this.statuses = statuses;
        this.nodes = nodes;
    }

    void register(Routes routes) {
        routes.post("/v1/agent/join", Access.JOIN, "agent", "An agent joins with a join token and a CSR, or again"
                        + " with its node certificate: returns its node id and credentials")
                .body(JoinRequest.class).returns(JoinResponse.class).errors(401, 403, 413, 429).handle(this::join);
        routes.post("/v1/agent/renew", Access.AGENT, "agent", "A node's new certificate from a new CSR, before"
                        + " the one it calls with expires")
                .body(RenewRequest.class).returns(RenewResponse.class).errors(403, 413).handle(ctx -> {
                    RenewRequest request = ApiJson.body(ctx, RenewRequest.class);
                    new Validator().required("csr", request.csr()).throwIfInvalid();
                    String node = ctx.attribute(ApiServer.NODE);
                    ctx.json(enrollment.renew(nodes.cached(node)
                            .orElseThrow(() -> new ApiError.NotFound("node", node)), request));
                });
        routes.post("/v1/agent/heartbeat", Access.AGENT, "agent", "An agent is alive: facts, metrics, driver health")
                .body(HeartbeatRequest.class).returns(HeartbeatResponse.class).errors(403, 404, 413)
                .handle(ctx -> heartbeatTimer.record(() -> {
                    HeartbeatRequest beat = ApiJson.body(ctx, HeartbeatRequest.class);
                    NodeCertificates.requireSame(ctx.attribute(ApiServer.NODE), beat.nodeId(), "nodeId");
                    ctx.json(heartbeats.receive(beat));
                }));
        routes.get("/v1/agent/assignments", Access.AGENT, "agent",
                        "A node's allocations, each with the login of its image's registry; blocks until they change"
                                + " after index, or wait passes")
                .query("node", "the node id").query("index", "the index of the last answer (0: answer now)")
                .query("wait", "how long to block, e.g. 30s (at most 60s)")
                .returns(Assignments.class).errors(403, 404).handle(this::assignments);
        routes.post("/v1/agent/status", Access.AGENT, "agent", "An agent reports its allocations' states")
                .body(StatusReport.class).status(204).errors(403, 404, 413).handle(ctx -> {
                    StatusReport report = ApiJson.body(ctx, StatusReport.class);
                    NodeCertificates.requireSame(ctx.attribute(ApiServer.NODE), report.nodeId(), "nodeId");
                    statuses.receive(report);
                    ctx.status(204);
                });
        routes.post("/v1/agent/stats", Access.AGENT, "agent", "An agent's samples of its running tasks' cpu, memory"
                        + " and network use (every 10 s); samples of allocations not on the node are ignored")
                .body(StatsReport.class).status(204).errors(403, 413).handle(ctx -> {
                    StatsReport report = ApiJson.body(ctx, StatsReport.class);
                    NodeCertificates.requireSame(ctx.attribute(ApiServer.NODE), report.nodeId(), "nodeId");
                    stats.record(report);
                    ctx.status(204);
                });
    }

    private void join(Context ctx) throws InterruptedException {
        JoinRequest request = ApiJson.body(ctx, JoinRequest.class);
        try (JoinGate.Permit place = gate.enter()) {
            JoinRequest admitted = admission.admit(ctx, request, () -> NodeJoiner.validate(request));
            ctx.json(enrollment.complete(joiner.join(admitted), admitted));
        }
    }

    private void assignments(Context ctx) throws InterruptedException {
        Validator v = new Validator();
        String node = ctx.queryParam("node");
        v.required("node", node);
        long index = 0;
        Duration wait = Duration.ZERO;
        try {
            index = Long.parseLong(Objects.requireNonNullElse(ctx.queryParam("index"), "0"));
            v.check(index >= 0, "index", "must be 0 or more");
        } catch (NumberFormatException e) {
            v.add("index", "'" + ctx.queryParam("index") + "' is not a number");
        }
        String rawWait = ctx.queryParam("wait");
        if (rawWait != null) {
            try {
                wait = Duration.parse("PT" + rawWait.toUpperCase(Locale.ROOT));
                v.check(!wait.isNegative() && wait.compareTo(MAX_WAIT) <= 0, "wait", "must be between 0s and 60s");
            } catch (java.time.format.DateTimeParseException e) {
                v.add("wait", "'" + rawWait + "' is not a duration such as 30s");
            }
        }
        v.throwIfInvalid();
        NodeCertificates.requireSame(ctx.attribute(ApiServer.NODE), node, "node");
        nodes.cached(node).orElseThrow(() -> new ApiError.NotFound("node", node));
        // credentials are unsealed for this answer only: the feed and the store never hold them in clear
        ctx.json(logins.attach(assignments.await(node, index, wait)));
    }
}
