package io.cluman.server.api;

import io.cluman.model.job.Job;
import io.cluman.server.agents.NodeAgents;
import io.cluman.server.autoscale.AutoscaleOperations;
import io.cluman.server.checks.CheckOperations;
import io.cluman.server.applications.ApplicationOperations;
import io.cluman.server.clusters.ClusterOperations;
import io.cluman.server.containers.AssignmentFeed;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.containers.DefaultsQuery;
import io.cluman.server.containers.StatusReceiver;
import io.cluman.server.events.EventFeed;
import io.cluman.server.jointokens.JoinTokens;
import io.cluman.server.leader.Leadership;
import io.cluman.server.metrics.ContainerMetricsHistory;
import io.cluman.server.metrics.NodeMetricsHistory;
import io.cluman.server.nodes.HeartbeatReceiver;
import io.cluman.server.nodes.NodeJoiner;
import io.cluman.server.nodes.NodeOperations;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.nodes.NodeViews;
import io.cluman.server.pki.AgentEnrollment;
import io.cluman.server.pki.ClusterCa;
import io.cluman.server.prometheus.ServerMeters;
import io.cluman.server.registries.RegistryLogins;
import io.cluman.server.registries.RegistryOperations;
import io.cluman.server.security.TokenVerifier;
import io.cluman.server.services.ServiceOperations;
import io.cluman.server.tokens.TokenOperations;
import io.cluman.store.KvStore;
import io.cluman.store.repo.JsonRepository;

/** Builds the API server with every resource's handler, in one readable place. */
public final class Api {
    private Api() {
    }

    /** What the handlers need. */
    public record Parts(TokenVerifier tokens, AuditTrail audit, java.time.InstantSource clock, Leadership leadership, KvStore store, String version,
                        NodeRegistry nodes, NodeOperations nodeOperations, NodeViews nodeViews, NodeJoiner joiner,
                        HeartbeatReceiver heartbeats, NodeMetricsHistory nodeHistory,
                        ContainerMetricsHistory containerHistory,
                        ClusterOperations clusters, JsonRepository<Job> jobs,
                        EventFeed events, EventFeed errors, ContainerOperations containers,
                        AssignmentFeed assignments, StatusReceiver statuses, DefaultsQuery defaults,
                        RegistryOperations registries, RegistryLogins logins, NodeAgents agents,
                        ServiceOperations services, AutoscaleOperations autoscalers, CheckOperations checks,
                        ApplicationOperations applications,
                        TokenOperations apiTokens, JoinTokens joinTokens, ClusterCa ca, AgentEnrollment enrollment,
                        AgentConnector agentPort, ServerMeters meters) {
    }

    public static ApiServer start(Parts p, String host, int port, ApiOptions options) {
        NodeCertificates certificates = new NodeCertificates(p.nodes());
        ApiServer server = new ApiServer(p.tokens(), certificates, p.audit(), p.clock(), host, port, options,
                p.agentPort());
        Routes routes = server.routes();
        new HealthHandler(p.leadership(), p.store(), p.version()).register(routes);
        new NodeHandler(p.nodes(), p.nodeOperations(), p.nodeViews(), p.agents()).register(routes);
        new MetricsHandler(p.nodes(), p.nodeHistory(), p.containers(), p.containerHistory(), p.clock())
                .register(routes);
        new PrometheusHandler(p.meters()).register(routes);
        new ClusterHandler(p.clusters()).register(routes);
        new JobHandler(p.jobs()).register(routes);
        new EventHandler(p.events(), p.errors()).register(routes);
        new DefaultsHandler(p.defaults()).register(routes);
        new ContainerHandler(p.containers(), p.agents()).register(routes);
        new RegistryHandler(p.registries()).register(routes);
        new ServiceHandler(p.services()).register(routes);
        new AutoscaleHandler(p.autoscalers()).register(routes);
        new CheckHandler(p.checks(), p.nodes()).register(routes);
        new ApplicationHandler(p.applications()).register(routes);
        new TokenHandler(p.apiTokens()).register(routes);
        new JoinTokenHandler(p.joinTokens()).register(routes);
        new CaHandler(p.ca()).register(routes);
        new AgentHandler(p.joiner(), p.heartbeats(), p.assignments(), p.logins(), p.statuses(), p.nodes(),
                new JoinAdmission(p.tokens(), p.joinTokens(), certificates, p.enrollment(), p.joiner()::joinedLately), p.enrollment(),
                p.meters().heartbeats(), p.containerHistory()).register(routes);
        server.documentRoutes(p.version());
        server.start();
        return server;
    }
}
