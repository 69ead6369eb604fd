package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.NodeView;
import io.cluman.model.event.Event;
import io.cluman.model.event.Topic;
import io.cluman.model.node.NodeState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server and three agent processes, run against each store backend: nodes come on, a SIGKILLed
 * agent goes off with an offline event and comes back as the same node, and a server restart keeps
 * nodes, clusters and events.
 *
 * <p>The server runs with the default off threshold of 15 s, so "off within 15 s" is the real setting.
 */
abstract class FleetContract {
    @TempDir
    Path dir;
    private final List<AgentProcess> agents = new ArrayList<>();
    private ServerWiring server;
    private final int port = freePort();
    /** Fixed too: a restarted server must answer agents where their stored agent URL points. */
    private final int agentPort = freePort();

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The store spec the server uses: {@code embedded} or {@code etcd://...}. */
    abstract String storeSpec();

    ServerWiring startServer() {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(port).withAutoCommission(true)
                .withStore(storeSpec()).withAgents(io.cluman.server.AgentPortSettings.DEFAULT.withPort(agentPort)),
                InstantSource.system());
        return server;
    }

    AgentProcess startAgent(String name) {
        AgentProcess agent = AgentProcess.start(server.url(), server.joinToken(), dir.resolve(name), name,
                dir.resolve(name + ".log"));
        agents.add(agent);
        return agent;
    }

    @AfterEach
    void stopAll() {
        agents.forEach(AgentProcess::close);
        if (server != null) {
            server.close();
        }
        stopBackend();
    }

    /** Stops what the store needs, after the server is closed. */
    void stopBackend() {
    }

    private ClumanClient admin() {
        return ClumanClient.connect(server.url(), server.adminToken());
    }

    private List<NodeView> awaitOnNodes(int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> admin().nodes(Map.of("on", "true")),
                nodes -> nodes.size() == count);
    }

    @Test
    void killedAgentGoesOffWithin15sAndReturnsAsTheSameNode() {
        startServer();
        AgentProcess a = startAgent("node-a");
        startAgent("node-b");
        startAgent("node-c");
        List<NodeView> nodes = awaitOnNodes(3);
        assertThat(nodes).extracting(NodeView::name).containsExactly("node-a", "node-b", "node-c");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().nodes(Map.of("state", "ACTIVE")).size() == 3);
        String idA = nodes.get(0).id();

        // a kill -9 before the agent stored its certificate would make it join again as a new node
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("node-a").resolve("node.crt"))
                && Files.exists(dir.resolve("node-a").resolve("node-id")));
        a.kill();
        Instant killedAt = Instant.now();
        await().atMost(Duration.ofSeconds(16)).until(() -> !admin().node(idA).on());
        Duration tookOff = Duration.between(killedAt, Instant.now());
        assertThat(tookOff).isLessThanOrEqualTo(Duration.ofSeconds(16));
        List<Event> offline = admin().events(Map.of("topic", Topic.NODE.busName())).stream()
                .filter(e -> e.objectId().equals(idA) && e.action().wireName().equals("offline")).toList();
        assertThat(offline).hasSize(1);
        assertThat(admin().nodes(Map.of("on", "true"))).hasSize(2);

        startAgent("node-a");
        await().atMost(Duration.ofSeconds(60)).until(() -> admin().node(idA).on());
        assertThat(admin().nodes(Map.of())).hasSize(3);
        assertThat(admin().node(idA).state()).isEqualTo(NodeState.ACTIVE);
        assertThat(admin().events(Map.of("topic", "node"))).anyMatch(e -> e.objectId().equals(idA)
                && e.action().wireName().equals("online"));
    }

    @Test
    void serverRestartKeepsNodesClustersAndEvents() {
        startServer();
        startAgent("node-a");
        startAgent("node-b");
        List<NodeView> before = awaitOnNodes(2);
        admin().createCluster(new ClusterRequest("prod", "production", null, null));
        admin().addNode("prod", before.get(0).id());
        long lastEvent = admin().events(Map.of("limit", "10000")).getLast().id();

        server.close();
        startServer();

        assertThat(admin().nodes(Map.of())).extracting(NodeView::id)
                .containsExactlyElementsOf(before.stream().map(NodeView::id).toList());
        assertThat(admin().cluster("prod").nodes()).containsExactly(before.get(0).id());
        assertThat(admin().events(Map.of("limit", "10000"))).extracting(Event::id).contains(lastEvent);
        // agents keep beating through the restart: nodes stay on, none was marked off
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30))
                .until(() -> admin().nodes(Map.of("on", "true")).size() == 2);
        assertThat(admin().events(Map.of("topic", "node", "since", Long.toString(lastEvent))))
                .noneMatch(e -> e.action().wireName().equals("offline"));
    }
}
