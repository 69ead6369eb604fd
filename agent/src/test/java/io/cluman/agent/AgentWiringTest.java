package io.cluman.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.api.LocalApiConfig;
import io.cluman.agent.driver.FakeDockerEngine;
import io.cluman.agent.driver.docker.DockerDriver;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.node.DriverHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole agent against a fake server, as the CLI and in-process tests use it. */
class AgentWiringTest {
    private static final String TOKEN = "join-secret";
    private static final Duration GENEROUS = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer(TOKEN);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void joinsWithSaneFactsAndKeepsTheIdInTheDataDir() {
        try (AgentWiring agent = agent(dir.resolve("data"), Map.of())) {
            agent.start();

            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
            assertThat(agent.nodeId()).contains("node-1");
            assertThat(dir.resolve("data/node-id")).hasContent("node-1");
            JoinRequest join = server.joins().get(0);
            assertThat(join.name()).isEqualTo("web-1");
            assertThat(join.labels()).containsEntry("zone", "a");
            assertThat(join.facts().hostname()).isNotBlank();
            assertThat(join.facts().cpus()).isPositive();
            assertThat(join.facts().memoryBytes()).isPositive();
            assertThat(join.facts().drivers()).contains("process");
            assertThat(join.facts().apiAddress()).isEqualTo("127.0.0.1:" + agent.apiAddress().split(":")[1])
                    .isNotEqualTo("127.0.0.1:0");
        }
    }

    @Test
    void heartbeatsFollowTheIntervalOfTheLastReply() {
        // the join asks for 1 s; every heartbeat reply shortens it to 100 ms: ten beats come long before 10 s
        server.joinInterval(1000).heartbeatInterval(100);
        try (AgentWiring agent = agent(dir, Map.of())) {
            agent.start();

            await().atMost(Duration.ofSeconds(8)).until(() -> server.beats().size() >= 10);
        }
        List<FakeServer.Beat> beats = server.beats();
        for (int i = 1; i < beats.size(); i++) {
            // never sooner than the interval asked for (lower bound only, with room for clock skew)
            assertThat(beats.get(i).arrivedNanos() - beats.get(i - 1).arrivedNanos())
                    .isGreaterThan(Duration.ofMillis(50).toNanos());
        }
        assertThat(beats).allSatisfy(beat -> {
            assertThat(beat.request().metrics().cpuPercent()).isBetween(0.0, 100.0);
            assertThat(beat.request().metrics().memoryUsedBytes())
                    .isBetween(0L, beat.request().metrics().memoryTotalBytes());
            assertThat(beat.request().drivers()).containsEntry("process", new DriverHealth(true, ""));
        });
    }

    @Test
    void rejoinsWithTheSameIdWhenTheServerForgetsTheNode() {
        server.joinInterval(100).heartbeatInterval(100);
        try (AgentWiring agent = agent(dir, Map.of())) {
            agent.start();
            await().atMost(GENEROUS).until(() -> server.beats().size() >= 2);

            server.failHeartbeats(404, 1);
            await().atMost(GENEROUS).until(() -> server.joins().size() == 2);
            int beatsAfterRejoin = server.beats().size();
            await().atMost(GENEROUS).until(() -> server.beats().size() >= beatsAfterRejoin + 2);

            assertThat(server.joins().get(1).nodeId()).isEqualTo("node-1");
            assertThat(agent.nodeId()).contains("node-1");
            assertThat(server.beats()).allMatch(beat -> "node-1".equals(beat.request().nodeId()));
        }
    }

    @Test
    void closeStopsTheHeartbeats() {
        server.joinInterval(100).heartbeatInterval(100);
        AgentWiring agent = agent(dir, Map.of());
        agent.start();
        await().atMost(GENEROUS).until(() -> server.beats().size() >= 3);

        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                agent.awaitClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        agent.close();
        int attempts = server.heartbeatAttempts();
        await().atMost(GENEROUS).until(() -> !waiter.isAlive());

        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                .until(() -> server.heartbeatAttempts() == attempts);
    }

    @Test
    void aRestartedAgentIsTheSameNode() {
        String first;
        try (AgentWiring agent = agent(dir, Map.of())) {
            agent.start();
            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
            first = agent.nodeId().orElseThrow();
        }

        try (AgentWiring again = agent(dir, Map.of())) {
            again.start();
            assertThat(again.nodeId()).contains(first);
            assertThat(again.awaitJoined(GENEROUS)).isTrue();
        }
        assertThat(server.joins()).extracting(JoinRequest::nodeId).containsExactly(null, first);
    }

    @Test
    void reportsDockerAsDetectedThenUnhealthyOnceTheEngineStops() {
        server.joinInterval(100).heartbeatInterval(100);
        Path socket = dir.resolve("docker.sock");
        FakeDockerEngine engine = FakeDockerEngine.answering(socket);
        try (AgentWiring agent = agent(dir.resolve("data"), Map.of("DOCKER_HOST", "unix://" + socket))) {
            agent.start();
            assertThat(agent.drivers()).containsExactly("process", "docker");
            assertThat(agent.taskDriver("process")).containsInstanceOf(ProcessDriver.class);
            assertThat(agent.taskDriver("docker")).containsInstanceOf(DockerDriver.class);
            await().atMost(GENEROUS).until(() -> server.beats().stream()
                    .anyMatch(beat -> beat.request().drivers().get("docker").healthy()));

            engine.close();

            await().atMost(GENEROUS).until(() -> server.beats().stream()
                    .anyMatch(beat -> !beat.request().drivers().get("docker").healthy()));
            FakeServer.Beat last = server.beats().get(server.beats().size() - 1);
            assertThat(last.request().facts().drivers()).containsExactly("process", "docker");
            assertThat(last.request().drivers().get("docker").detail()).contains(socket.toString());
        } finally {
            engine.close();
        }
    }

    private AgentWiring agent(Path dataDir, Map<String, String> environment) {
        AgentConfig config = AgentConfig.of(server.url(), TOKEN, dataDir.toString(), "web-1", "zone=a")
                .withLocalApi(LocalApiConfig.LOOPBACK_EPHEMERAL);
        Map<String, String> env = environment.isEmpty() ? Map.of("DOCKER_HOST", "unix://" + dir.resolve("no.sock"))
                : environment;
        return new AgentWiring(config, InstantSource.system(), env);
    }
}
