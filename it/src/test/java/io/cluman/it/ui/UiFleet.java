package io.cluman.it.ui;

import static org.awaitility.Awaitility.await;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodeView;
import io.cluman.model.node.NodeState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the browser looks at: a real server on a loopback port and {@code agents} real agents (in this JVM) whose
 * docker driver talks to a test dockerd; every node is commissioned as it joins.
 */
final class UiFleet implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ServerWiring server;
    private final List<AgentWiring> agents = new ArrayList<>();
    private final ClumanClient admin;

    UiFleet(Path dir, DockerdProcess engine, int agentCount) {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true)
                .withOffAfter(Duration.ofSeconds(3)), InstantSource.system());
        admin = ClumanClient.connect(server.url(), server.adminToken());
        Map<String, String> env = engine.agentEnvironment();
        for (int i = 1; i <= agentCount; i++) {
            AgentWiring agent = new AgentWiring(new AgentConfig(server.url(), server.joinToken(),
                    dir.resolve("agent-" + i), "worker-" + i, Map.of("zone", i % 2 == 0 ? "b" : "a"),
                    LocalApiConfig.LOOPBACK_EPHEMERAL), InstantSource.system(), env);
            agent.start();
            agents.add(agent);
        }
        await().atMost(WAIT).until(() -> admin.nodes(Map.of()), nodes -> nodes.size() == agentCount
                && nodes.stream().allMatch(n -> n.state() == NodeState.ACTIVE && n.on()));
    }

    String url() {
        return server.url();
    }

    String adminToken() {
        return server.adminToken();
    }

    ClumanClient admin() {
        return admin;
    }

    NodeView node(String name) {
        return admin.nodes(Map.of()).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        admin.services().forEach(s -> admin.deleteService(s.name()));
        admin.containers(Map.of()).forEach(c -> admin.deleteContainer(c.name()));
        // plain processes outlive their agent by design: wait until each agent has stopped its own
        for (AgentWiring agent : agents) {
            String node = agent.nodeId().orElseThrow();
            await().atMost(WAIT).until(() -> agent.taskDriver("process").orElseThrow().recover(node).isEmpty());
        }
        agents.forEach(AgentWiring::close);
        server.close();
    }
}
