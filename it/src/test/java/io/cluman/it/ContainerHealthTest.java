package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server and agent: the health of a process container (busybox httpd) checked over HTTP shows in
 * {@code GET /v1/containers/{id}} as starting, then healthy, then unhealthy, and the container keeps
 * running (no restart on unhealthy).
 */
class ContainerHealthTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    ServerWiring server;
    AgentProcess agent;

    @AfterEach
    void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        if (Files.exists(dir.resolve("agent.log"))) {
            Files.copy(dir.resolve("agent.log"), Path.of("target", "health-agent.log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthGoesFromStartingToHealthyToUnhealthyInTheApi() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (httpd)");
        Path site = Files.createDirectories(dir.resolve("site"));
        int port = freePort();
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true),
                InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        agent = AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent"), "worker",
                dir.resolve("agent.log"));
        String node = await().atMost(WAIT).ignoreExceptions().until(() -> admin.nodes(Map.of("state", "ACTIVE")),
                nodes -> nodes.size() == 1).get(0).id();

        // 404s within the (long) start period do not count: it stays starting until /ready exists
        ContainerView created = admin.createContainer(new ContainerRequest("web", DriverName.PROCESS, null,
                List.of("/bin/busybox", "httpd", "-f", "-p", "127.0.0.1:" + port, "-h", site.toString()), null,
                node, null, null, null, null, null, "no", null,
                new HealthCheckRequest("http", null, port, "/ready", "300ms", "300ms", 2, "10m")));
        assertThat(created.spec().healthcheck().startPeriod()).isEqualTo(Duration.ofMinutes(10));
        ContainerView starting = await().atMost(WAIT).until(() -> admin.container("web"),
                c -> c.status() == TaskState.RUNNING && c.health() != null);
        assertThat(starting.health()).isEqualTo(Health.STARTING);

        Files.writeString(site.resolve("ready"), "ok");
        await().atMost(WAIT).until(() -> admin.container("web").health() == Health.HEALTHY);

        Files.delete(site.resolve("ready"));
        ContainerView unhealthy = await().atMost(WAIT).until(() -> admin.container("web"),
                c -> c.health() == Health.UNHEALTHY);
        assertThat(unhealthy.healthReason()).isEqualTo("GET http://127.0.0.1:" + port + "/ready answered 404");
        assertThat(unhealthy.status()).isEqualTo(TaskState.RUNNING);
        assertThat(unhealthy.restarts()).as("an unhealthy container is not restarted").isZero();
        assertThat(unhealthy.runtimeId()).isEqualTo(starting.runtimeId());
        assertThat(admin.events(Map.of("topic", "bus.cluman.log.docker", "severity", "WARNING")))
                .anyMatch(e -> e.message().startsWith("container web is unhealthy on node " + node));
        admin.deleteContainer("web");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
