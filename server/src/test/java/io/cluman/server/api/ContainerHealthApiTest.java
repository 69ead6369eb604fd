package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.Health;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.container.HealthCheckType;
import io.cluman.model.event.Severity;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.validation.FieldError;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health checks through the API: accepted with defaults, refused field by field, reported health shown. */
class ContainerHealthApiTest {
    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    String node;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
        node = FakeAgents.join(agent, "a", Map.of());
        String job = admin.operate(node, NodeOperation.COMMISSION).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(job).state().isFinished());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ContainerRequest checked(String name, HealthCheckRequest check) {
        return new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null, node, null,
                null, null, null, null, null, null, check);
    }

    @Test
    void aHealthCheckIsStoredWithItsDefaults() {
        ContainerView web = admin.createContainer(checked("web", new HealthCheckRequest("http", null, 8080, null,
                null, null, null, null)));
        assertThat(admin.container("web").spec().healthcheck()).isEqualTo(web.spec().healthcheck())
                .isEqualTo(new HealthCheck(HealthCheckType.HTTP, List.of(), 8080, "/", Duration.ofSeconds(10),
                        Duration.ofSeconds(5), 3, Duration.ZERO));
        assertThat(web.health()).as("no report yet").isNull();

        HealthCheck db = admin.createContainer(checked("db", new HealthCheckRequest("COMMAND",
                List.of("pg_isready"), null, null, "1m", "500ms", 5, "2"))).spec().healthcheck();
        assertThat(db.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(db.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(db.startPeriod()).as("a bare number is seconds").isEqualTo(Duration.ofSeconds(2));
        assertThat(db.argv()).containsExactly("/bin/sh", "-c", "pg_isready");
        assertThat(admin.createContainer(checked("plain", null)).spec().healthcheck()).isNull();
    }

    @Test
    void badHealthChecksNameEachFieldAndTheFixAndWriteNothing() {
        long before = server.wiring().store().revision();
        assertThatThrownBy(() -> admin.createContainer(checked("web", new HealthCheckRequest("tcp", null, 70000,
                null, "5x", null, null, null)))).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(FieldError::field, FieldError::message)
                            .contains(org.assertj.core.groups.Tuple.tuple("healthcheck.port",
                                    "70000 is not a port: 1-65535"))
                            .anyMatch(t -> t.toList().get(0).equals("healthcheck.interval")
                                    && t.toList().get(1).toString().startsWith("'5x' is not a duration such as 10s"));
                });
        assertThatThrownBy(() -> admin.createContainer(checked("web", new HealthCheckRequest("tcp", null, 80,
                null, "2s", "5s", null, null)))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem().errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("healthcheck.timeout");
                            assertThat(error.message()).contains("longer than the interval 2s");
                        }));
        assertThat(server.wiring().store().revision()).isEqualTo(before);
    }

    @Test
    void reportedHealthShowsInTheViewAndChangesAreEventsWithoutARestart() {
        ContainerView c = admin.createContainer(checked("web", new HealthCheckRequest("tcp", null, 8080, null,
                null, null, null, null)));
        FakeAgents.reportHealth(agent, node, c.allocId(), Health.STARTING, null);
        assertThat(admin.container("web").health()).isEqualTo(Health.STARTING);

        FakeAgents.reportHealth(agent, node, c.allocId(), Health.HEALTHY, null);
        assertThat(admin.container("web").health()).isEqualTo(Health.HEALTHY);

        FakeAgents.reportHealth(agent, node, c.allocId(), Health.UNHEALTHY, "connection refused");
        ContainerView unhealthy = admin.container("web");
        assertThat(unhealthy.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(unhealthy.healthReason()).isEqualTo("connection refused");
        assertThat(unhealthy.generation()).as("not restarted").isEqualTo(c.generation());
        assertThat(admin.events(Map.of("topic", "bus.cluman.log.docker", "severity", "WARNING")))
                .anyMatch(e -> e.message().contains("web is unhealthy") && e.message().contains("connection refused")
                        && "unhealthy".equals(e.attributes().get("health")));

        FakeAgents.reportHealth(agent, node, c.allocId(), Health.HEALTHY, null);
        assertThat(admin.container("web").healthReason()).isNull();
        assertThat(admin.events(Map.of("topic", "bus.cluman.log.docker")))
                .filteredOn(e -> e.attributes().containsKey("health"))
                .extracting(e -> e.severity() + " " + e.attributes().get("health"))
                .containsExactly(Severity.INFO + " healthy", Severity.WARNING + " unhealthy", Severity.INFO + " healthy");
    }
}
