package io.cluman.server;

import io.cluman.client.ClumanClient;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.agent.StatusReport;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.Disk;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaks the agent protocol by hand, for API tests that need nodes without running agents. A node joins as a
 * real agent does, with the join token and a CSR; its certificate then makes the node's own mutual-TLS client
 * ({@link #as}), through which its heartbeats, reports and assignment queries go.
 */
public final class FakeAgents {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each joined node's mutual-TLS client, by node id. */
    private static final Map<String, NodeClient> NODES = new ConcurrentHashMap<>();

    private FakeAgents() {
    }

    private record NodeClient(TlsIdentity identity, X509Certificate ca, String host, int port, HttpClient http,
                              ClumanClient client) {
        static NodeClient of(TlsIdentity identity, X509Certificate ca, String host, int port) {
            HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.mutual(identity, ca))
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            return new NodeClient(identity, ca, host, port, http,
                    ClumanClient.connect("https://" + host + ":" + port, null, http));
        }
    }

    /** The mutual-TLS client of a node that joined through this class. */
    public static ClumanClient as(String nodeId) {
        NodeClient node = NODES.get(nodeId);
        if (node == null || node.http().isTerminated()) {
            throw new IllegalStateException("node " + nodeId + " did not join through FakeAgents, or its server"
                    + " closed (reconnect it to the new one)");
        }
        return node.client();
    }

    /**
     * Joins with the token client {@code agentClient}, adding a CSR for a new key, and keeps the node's
     * mutual-TLS client; returns the server's answer.
     */
    public static JoinResponse join(ClumanClient agentClient, JoinRequest request) {
        KeyPair keys = EcKeys.generate(RANDOM);
        JoinRequest withCsr = new JoinRequest(request.nodeId(), request.name(), request.labels(), request.facts(),
                Csr.pem(Csr.create(keys, "new-node")));
        JoinResponse reply = joinRetryingWhenBusy(agentClient, withCsr);
        TlsIdentity identity = new TlsIdentity(keys.getPrivate(), Pem.certificates(reply.certificate()));
        keep(reply.nodeId(), NodeClient.of(identity, Pem.certificate(reply.ca()), agentClient.address().getHost(),
                reply.agentPort()));
        return reply;
    }

    /**
     * Joins as an agent does when the server is busy admitting others (the join gate's 429): again after a
     * second. A rate limit's 429 is the caller's to see.
     */
    private static JoinResponse joinRetryingWhenBusy(ClumanClient agentClient, JoinRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return agentClient.join(request);
            } catch (io.cluman.client.ApiException e) {
                boolean busy = e.status() == 429 && e.problem() != null && e.problem().detail() != null
                        && e.problem().detail().contains("admitting other agents");
                if (!busy || attempt == 30) {
                    throw e;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A raw request over the node's mutual TLS, for bodies the client would never send. */
    public static java.net.http.HttpResponse<String> send(String nodeId, String method, String path, String body) {
        NodeClient node = NODES.get(nodeId);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("https://" + node.host() + ":" + node.port() + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        try {
            return node.http().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Points a node's client at another server of the same cluster (a restarted one) on {@code agentPort}. */
    public static void reconnect(String nodeId, int agentPort) {
        NodeClient node = NODES.get(nodeId);
        keep(nodeId, NodeClient.of(node.identity(), node.ca(), node.host(), agentPort));
    }

    private static void keep(String nodeId, NodeClient client) {
        NodeClient old = NODES.put(nodeId, client);
        if (old != null) {
            old.http().close();
        }
    }

    /** Closes the clients of nodes that speak to the agent port {@code agentPort} (its server closes). */
    public static void forget(int agentPort) {
        NODES.values().stream().filter(node -> node.port() == agentPort).forEach(node -> node.http().close());
    }

    public static NodeFacts facts(String host) {
        return facts(host, List.of("process"));
    }

    /** The facts of a node with {@code drivers}. */
    public static NodeFacts facts(String host, List<String> drivers) {
        return new NodeFacts(host, List.of("127.0.0.1"), 4, 8L << 30, List.of(new Disk("/", 100L << 30)),
                "Linux test", "test", drivers);
    }

    /** Joins a new node and returns its id. */
    public static String join(ClumanClient agentClient, String name, Map<String, String> labels) {
        return join(agentClient, new JoinRequest(null, name, labels, facts(name))).nodeId();
    }

    public static void report(ClumanClient agentClient, String nodeId, String allocId, TaskState state, Integer exit) {
        as(nodeId).reportStatus(new StatusReport(nodeId, List.of(new TaskReport(allocId, 1, state, exit, 0, null,
                "pid:1", Instant.now(), state == TaskState.RUNNING ? null : Instant.now(), null, null))));
    }

    /** Reports a RUNNING task whose health check says {@code health} (null: no check). */
    public static void reportHealth(ClumanClient agentClient, String nodeId, String allocId, Health health,
                                    String reason) {
        as(nodeId).reportStatus(new StatusReport(nodeId, List.of(new TaskReport(allocId, 1, TaskState.RUNNING, null,
                0, null, "pid:1", Instant.now(), null, health, reason))));
    }

    public static HeartbeatResponse beat(ClumanClient agentClient, String nodeId, long diskFree) {
        return beat(agentClient, nodeId, diskFree, Map.of("process", new DriverHealth(true, "")));
    }

    public static HeartbeatResponse beat(ClumanClient agentClient, String nodeId, long diskFree,
                                         Map<String, DriverHealth> drivers) {
        return beat(agentClient, nodeId, facts("host"), diskFree, drivers);
    }

    /** A heartbeat that reports {@code facts} (a node with the docker driver keeps it). */
    public static HeartbeatResponse beat(ClumanClient agentClient, String nodeId, NodeFacts facts, long diskFree,
                                         Map<String, DriverHealth> drivers) {
        NodeMetrics metrics = new NodeMetrics(Instant.now(), 12.5, 1L << 30, 8L << 30, diskFree, 100L << 30, 0.5, 0.4,
                0.3, 1000, 2000);
        return as(nodeId).heartbeat(new HeartbeatRequest(nodeId, facts, metrics, drivers));
    }
}
