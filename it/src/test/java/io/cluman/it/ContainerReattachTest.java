package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
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
 * Process containers survive a {@code kill -9} of their agent: the restarted agent re-attaches to every
 * one (same pid, no restart), and removes the one that was deleted while it was away.
 */
class ContainerReattachTest {
    @TempDir
    Path dir;
    ServerWiring server;
    AgentProcess agent;

    @AfterEach
    void stop() throws java.io.IOException {
        if (agent != null) {
            agent.close();
        }
        java.nio.file.Files.copy(dir.resolve("agent.log"), Path.of("target", "reattach-agent.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (server != null) {
            server.close();
        }
    }

    private static ContainerRequest sleeper(String name, String node) {
        return new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "120"), null, node, null,
                null, null, null, null, "no", null);
    }

    @Test
    void killedAgentReattachesToItsTasksAndRemovesOrphans() {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true),
                InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        agent = AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent"), "worker",
                dir.resolve("agent.log"));
        String node = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.nodes(
                Map.of("state", "ACTIVE")), nodes -> nodes.size() == 1).get(0).id();
        for (int i = 0; i < 10; i++) {
            admin.createContainer(sleeper("sleep-" + i, node));
        }
        Map<String, String> before = awaitRunning(admin, 10);

        agent.kill();
        admin.deleteContainer("sleep-9");
        agent = AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent"), "worker",
                dir.resolve("agent.log"));

        await().atMost(Duration.ofSeconds(60)).until(() -> !ProcessHandle.of(pid(before.get("sleep-9")))
                .map(ProcessHandle::isAlive).orElse(false));
        Map<String, String> after = awaitRunning(admin, 9);
        for (int i = 0; i < 9; i++) {
            String name = "sleep-" + i;
            assertThat(after.get(name)).as(name + " keeps its process").isEqualTo(before.get(name));
            assertThat(ProcessHandle.of(pid(after.get(name)))).get().matches(ProcessHandle::isAlive);
        }
        assertThat(admin.containers(Map.of())).allMatch(c -> c.restarts() == 0);
        for (int i = 0; i < 9; i++) {
            admin.deleteContainer("sleep-" + i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> after.values().stream()
                .noneMatch(id -> ProcessHandle.of(pid(id)).map(ProcessHandle::isAlive).orElse(false)));
    }

    private static Map<String, String> awaitRunning(ClumanClient admin, int count) {
        List<ContainerView> running = await().atMost(Duration.ofSeconds(60)).until(() -> admin.containers(Map.of()),
                list -> list.size() == count && list.stream().allMatch(c -> c.status() == TaskState.RUNNING
                        && c.runtimeId() != null));
        return running.stream().collect(Collectors.toMap(ContainerView::name, ContainerView::runtimeId,
                (a, b) -> a, java.util.TreeMap::new));
    }

    private static long pid(String runtimeId) {
        return Long.parseLong(runtimeId.substring(0, runtimeId.indexOf(':'))); // the process driver's pid:starttime
    }
}
