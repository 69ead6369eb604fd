package io.cluman.it;

import static org.awaitility.Awaitility.await;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.client.ClumanClient;
import io.cluman.model.node.NodeState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One real Docker node for tests: a dockerd of its own, a server (auto-commission, 3 s off-after) and an
 * agent in this JVM with its local API on a free loopback port, joined and ACTIVE when {@link #start} returns.
 * Closed in reverse order.
 */
final class DockerNode implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);

    final DockerdProcess engine;
    final ServerWiring server;
    final AgentWiring agent;
    final ClumanClient admin;
    final String nodeId;

    private DockerNode(DockerdProcess engine, ServerWiring server, AgentWiring agent) {
        this.engine = engine;
        this.server = server;
        this.agent = agent;
        this.admin = ClumanClient.connect(server.url(), server.adminToken());
        this.nodeId = await().atMost(WAIT).until(() -> admin.nodes(Map.of()), nodes -> nodes.size() == 1
                && nodes.get(0).state() == NodeState.ACTIVE && nodes.get(0).on()).get(0).id();
    }

    /** @param config what to change in the server's config (defaults: data in {@code dir/server}, port 0) */
    static DockerNode start(Path dir, UnaryOperator<ServerConfig> config) {
        DockerdProcess engine = DockerdProcess.start();
        ServerWiring server = null;
        AgentWiring agent = null;
        try {
            server = ServerWiring.start(config.apply(ServerConfig.defaults(dir.resolve("server")).withPort(0)
                    .withAutoCommission(true).withOffAfter(Duration.ofSeconds(3))), InstantSource.system());
            agent = new AgentWiring(new AgentConfig(server.url(), server.joinToken(), dir.resolve("agent"), "worker",
                    Map.of(), LocalApiConfig.LOOPBACK_EPHEMERAL), InstantSource.system(), engine.agentEnvironment());
            agent.start();
            return new DockerNode(engine, server, agent);
        } catch (RuntimeException | Error e) {
            closeAll(agent, server, engine);
            throw e;
        }
    }

    @Override
    public void close() {
        closeAll(agent, server, engine);
    }

    private static void closeAll(AgentWiring agent, ServerWiring server, DockerdProcess engine) {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
        engine.close();
    }
}
