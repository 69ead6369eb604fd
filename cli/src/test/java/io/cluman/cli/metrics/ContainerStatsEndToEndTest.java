package io.cluman.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.cli.Run;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerMetricsView;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server and agent in one JVM: the agent samples its process task every second and sends the samples
 * over mutual TLS; the server keeps them as the container's history, which {@code cluman metrics container}
 * prints.
 */
class ContainerStatsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void anAgentsSamplesBecomeTheContainersHistory() {
        try (ServerWiring server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0)
                .withAutoCommission(true), InstantSource.system());
             AgentWiring agent = new AgentWiring(new AgentConfig(server.url(), server.joinToken(),
                     dir.resolve("agent"), "stats-agent", Map.of(), new LocalApiConfig("127.0.0.1", 0, null))
                     .withStatsInterval(Duration.ofSeconds(1)), InstantSource.system(),
                     Map.of("PATH", "/usr/bin:/bin"))) {
            agent.start();
            assertThat(agent.awaitJoined(Duration.ofSeconds(20))).isTrue();
            String node = agent.nodeId().orElseThrow();
            ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
            // the node is commissioned by a job that follows the join: wait until it takes work
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.node(node).state() == NodeState.ACTIVE);
            admin.createContainer(new ContainerRequest("sleeper", DriverName.PROCESS, null, List.of("sleep", "300"),
                    null, node, null, Map.of(), List.of(), Map.of(), new ResourceRequest(0.1, null), "no", null));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> admin.container("sleeper").status() == TaskState.RUNNING);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ContainerMetricsView view = admin.containerMetrics("sleeper", Map.of("from", "5m"));
                assertThat(view.series()).containsKeys("cpu", "memory");
                assertThat(view.series().get("memory")).allSatisfy(p -> assertThat(p.max()).isPositive());
            });
            Run run = Run.of("metrics", "container", "sleeper", "--from", "5m", "--addr", server.url(), "--token",
                    server.adminToken());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("container sleeper").containsPattern("memory +\\S+  min ");
            admin.deleteContainer("sleeper");
            // the agent stops and removes the task (closing the agent would leave it running)
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.taskDriver("process").orElseThrow()
                    .recover(node).isEmpty());
        }
    }
}
