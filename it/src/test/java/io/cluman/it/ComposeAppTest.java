package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ApplicationRequest;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.api.ContainerView;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compose application on a real server, agent and Docker Engine: {@code web} depends on {@code db} with
 * {@code condition: service_healthy}, and db turns healthy only a few seconds after it starts, so web's
 * container must not exist before db is healthy.
 */
@Timeout(180)
class ComposeAppTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String COMPOSE = """
            services:
              web:
                image: busybox:local
                command: ["sleep", "3600"]
                depends_on:
                  db:
                    condition: service_healthy
              db:
                image: busybox:local
                command: ["sh", "-c", "sleep 3; touch /tmp/ready; sleep 3600"]
                healthcheck:
                  test: ["CMD", "test", "-f", "/tmp/ready"]
                  interval: 1s
                  timeout: 1s
                  retries: 1
            """;

    @TempDir
    Path dir;
    DockerNode fleet;

    @BeforeEach
    void start() {
        fleet = DockerNode.start(dir, c -> c);
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void webStartsOnlyAfterDbIsHealthy() {
        ClumanClient admin = fleet.admin;
        DockerdProcess engine = fleet.engine;
        ApplicationView deployed = admin.deployApplication(new ApplicationRequest("shop", null, COMPOSE, Map.of(),
                Map.of()));
        assertThat(deployed.services()).extracting(s -> s.name()).containsExactly("db", "web");

        ContainerView db = await().atMost(WAIT).until(() -> replica(admin, "shop-db"),
                c -> c != null && c.health() == Health.HEALTHY);
        Instant dbHealthyBy = Instant.now();
        ContainerView web = await().atMost(WAIT).until(() -> replica(admin, "shop-web"),
                c -> c != null && c.status() == TaskState.RUNNING);
        assertThat(web.createdAt()).as("web is created after db started and turned healthy")
                .isAfter(db.startedAt().plusSeconds(2));
        assertThat(web.createdAt()).isBefore(dbHealthyBy.plusSeconds(60));
        await().atMost(WAIT).until(() -> admin.application("shop").state() == ApplicationState.RUNNING);
        assertThat(engine.client().listContainersCmd().withLabelFilter(Map.of("cluman.application", "shop")).exec())
                .hasSize(2);

        admin.deleteApplication("shop");
        await().atMost(WAIT).until(() -> engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("cluman.application", "shop")).exec().isEmpty());
    }

    private static ContainerView replica(ClumanClient admin, String service) {
        List<ContainerView> all = admin.containers(Map.of("service", service));
        return all.isEmpty() ? null : all.get(0);
    }
}
