package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.NodeView;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Topic;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker Engine restarts under a running agent (stopped by its pid, as a host's shutdown or a package
 * upgrade would): the node turns unhealthy and back, and the agent reconciles its containers: those with
 * restart {@code always} run again (one container each, no duplicates), the one with {@code no} stays ended.
 */
class DockerdRestartTest {
    @TempDir
    Path dir;
    DockerdProcess engine;
    ServerWiring server;
    AgentWiring agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static ContainerRequest sleeper(String name, String node, String restart) {
        return new ContainerRequest(name, DriverName.DOCKER, DockerdProcess.IMAGE, null, List.of("sleep", "3600"),
                node, null, null, null, null, null, restart, null);
    }

    @Test
    void nodeTurnsUnhealthyThenHealthyAndContainersAreReconciled() {
        engine = DockerdProcess.start();
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true)
                .withOffAfter(Duration.ofSeconds(3)), InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        agent = new AgentWiring(AgentConfig.of(server.url(), server.joinToken(), dir.resolve("agent").toString(),
                "docker-node", null), InstantSource.system(),
                Map.of("DOCKER_HOST", engine.dockerHost(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        agent.start();
        String node = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.nodes(
                Map.of("state", "ACTIVE")), nodes -> nodes.size() == 1).get(0).id();
        admin.createContainer(sleeper("always-1", node, "always"));
        admin.createContainer(sleeper("always-2", node, "always"));
        admin.createContainer(sleeper("once", node, "no"));
        Map<String, ContainerView> before = await().atMost(Duration.ofSeconds(60)).until(() -> byName(admin),
                all -> all.size() == 3 && all.values().stream().allMatch(c -> c.status() == TaskState.RUNNING));

        engine.stopEngine();
        NodeView down = await().atMost(Duration.ofSeconds(30)).until(() -> admin.node(node), n -> !n.healthy());
        assertThat(down.healthReason()).contains("docker");
        engine.startAgain();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.node(node).healthy());

        Map<String, ContainerView> after = await().atMost(Duration.ofSeconds(60)).until(() -> byName(admin),
                all -> all.get("always-1").status() == TaskState.RUNNING && all.get("always-1").restarts() >= 1
                        && all.get("always-2").status() == TaskState.RUNNING && all.get("always-2").restarts() >= 1
                        && all.get("once").status() != TaskState.RUNNING);
        assertThat(after.get("always-1").runtimeId()).isNotEqualTo(before.get("always-1").runtimeId());
        assertThat(after.get("once").restarts()).isZero();
        List<Container> labelled = engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("cluman.node", node)).exec();
        assertThat(labelled).as("one container per allocation, none left over").hasSize(3);
        assertThat(labelled.stream().filter(c -> "running".equals(c.getState())).count()).isEqualTo(2);
        assertThat(admin.events(Map.of("topic", Topic.DOCKER_SERVICE.busName())))
                .extracting(e -> e.message()).anySatisfy(m -> assertThat(m).containsIgnoringCase("docker"));
    }

    private static Map<String, ContainerView> byName(ClumanClient admin) {
        return admin.containers(Map.of()).stream().collect(Collectors.toMap(ContainerView::name, c -> c));
    }
}
