package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.api.ApplicationRequest;
import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.ApplicationServiceView;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.api.ContainerView;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Event;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose applications through the API on a real server with one hand-driven docker node: services
 * created held, released in dependency order as the fake agent reports their replicas running and
 * healthy, stopped, started and removed.
 */
class ApplicationApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String SHOP = """
            name: shop
            services:
              web:
                image: busybox:local
                command: ["httpd", "-f"]
                ports: ["8080:80"]
                volumes: ["data:/data"]
                depends_on:
                  db:
                    condition: service_healthy
              db:
                image: busybox:local
                command: ["sleep", "3600"]
                deploy:
                  placement:
                    preferences:
                      - spread: node.labels.zone
                healthcheck:
                  test: ["CMD", "test", "-f", "/tmp/ready"]
                  interval: 1s
            """;

    static final NodeFacts DOCKER_NODE = FakeAgents.facts("d1", List.of("process", "docker"));

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    String node;
    final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
        node = dockerNode(agent, admin, "d1");
        beats.scheduleWithFixedDelay(() -> FakeAgents.beat(agent, node, DOCKER_NODE, 50L << 30, Map.of(
                "docker", new DriverHealth(true, ""), "process", new DriverHealth(true, ""))), 0, 300,
                TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        beats.shutdownNow();
        server.close();
    }

    /** Joins and commissions a node that has the docker driver. */
    static String dockerNode(ClumanClient agent, ClumanClient admin, String name) {
        String id = FakeAgents.join(agent, new JoinRequest(null, name, Map.of(), DOCKER_NODE)).nodeId();
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    private ContainerView awaitContainer(String service) {
        return await().atMost(WAIT).until(() -> admin.containers(Map.of("service", service)), cs -> cs.size() == 1)
                .get(0);
    }

    private List<String> messages() {
        return admin.events(Map.of("topic", "log.application")).stream().map(Event::message).toList();
    }

    private ApplicationServiceView member(ApplicationView app, String name) {
        return app.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void webStartsOnlyOnceDbIsHealthyThenTheApplicationRuns() {
        ApplicationView deployed = admin.deployApplication(new ApplicationRequest(null, null, SHOP, Map.of(),
                Map.of()));
        assertThat(deployed.name()).isEqualTo("shop");
        assertThat(deployed.state()).isEqualTo(ApplicationState.DEPLOYING);
        assertThat(deployed.services()).extracting(ApplicationServiceView::name).containsExactly("db", "web");
        assertThat(deployed.warnings()).anySatisfy(w -> assertThat(w.path()).isEqualTo("services.web.volumes"));
        assertThat(deployed.source()).isEqualTo(SHOP);
        assertThat(member(deployed, "web").service().desired()).isZero();
        assertThat(member(deployed, "db").service().spec().spread()).as("placement.preferences").isEqualTo("zone");

        ContainerView db = awaitContainer("shop-db");
        assertThat(db.application()).isEqualTo("shop");
        FakeAgents.reportHealth(agent, node, db.allocId(), Health.STARTING, null);
        await().atMost(WAIT).until(() -> messages().stream()
                .anyMatch(m -> m.contains("service web waiting for db to be healthy (0 of 1)")));
        assertThat(admin.containers(Map.of("service", "shop-web"))).isEmpty();
        assertThat(member(admin.application("shop"), "web").released()).isFalse();

        FakeAgents.reportHealth(agent, node, db.allocId(), Health.HEALTHY, null);
        ContainerView web = awaitContainer("shop-web");
        assertThat(web.application()).isEqualTo("shop");
        FakeAgents.report(agent, node, web.allocId(), TaskState.RUNNING, null);
        await().atMost(WAIT).until(() -> admin.application("shop").state() == ApplicationState.RUNNING);
        assertThat(admin.applications()).singleElement().satisfies(a -> {
            assertThat(a.source()).isNull();
            assertThat(a.services()).allSatisfy(s -> assertThat(s.service().running()).isEqualTo(1));
        });
        assertThat(messages()).anyMatch(m -> m.contains("application shop deployed: 2 service(s) (db, web)"))
                .anyMatch(m -> m.contains("service web started with 1 replica(s)"))
                .anyMatch(m -> m.contains("application shop running"));
    }

    @Test
    void anApplicationWithAnAutoscaledServiceIsNotStoppedAndNothingChanges() {
        admin.deployApplication(new ApplicationRequest("shop3", null, SHOP.replace("8080:80", "8082:80"),
                Map.of("TOKEN", "secret"), Map.of()));
        ContainerView db = awaitContainer("shop3-db");
        FakeAgents.reportHealth(agent, node, db.allocId(), Health.HEALTHY, null);
        awaitContainer("shop3-web");
        admin.autoscale("shop3-web", new AutoscaleRequest(1, 3, "cpu", 50.0, null, null));
        ApplicationState before = admin.application("shop3").state();

        assertThatThrownBy(() -> admin.stopApplication("shop3")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains("service 'shop3-web' autoscales between 1 and 3");
        });
        assertThat(admin.application("shop3").state()).isEqualTo(before);
        assertThat(admin.service("shop3-db").desired()).isEqualTo(1);

        admin.stopAutoscaling("shop3-web");
        assertThat(admin.stopApplication("shop3").state()).isEqualTo(ApplicationState.STOPPED);
    }

    @Test
    void stopScalesToZeroStartReleasesInOrderAndDeleteRemovesEverything() {
        admin.deployApplication(new ApplicationRequest("shop2", null, SHOP.replace("8080:80", "8081:80"),
                Map.of("TOKEN", "secret"), Map.of()));
        ContainerView db = awaitContainer("shop2-db");
        FakeAgents.reportHealth(agent, node, db.allocId(), Health.HEALTHY, null);
        awaitContainer("shop2-web");

        ApplicationView stopped = admin.stopApplication("shop2");
        assertThat(stopped.state()).isEqualTo(ApplicationState.STOPPED);
        assertThat(stopped.variableNames()).containsExactly("TOKEN");
        assertThat(stopped.services()).allSatisfy(s -> {
            assertThat(s.service().desired()).isZero();
            assertThat(s.replicas()).isEqualTo(1);
        });
        await().atMost(WAIT).until(() -> admin.containers(Map.of()).isEmpty());

        ApplicationView started = admin.startApplication("shop2");
        assertThat(started.state()).isEqualTo(ApplicationState.DEPLOYING);
        ContainerView db2 = awaitContainer("shop2-db");
        assertThat(member(admin.application("shop2"), "web").service().desired()).isZero();
        FakeAgents.reportHealth(agent, node, db2.allocId(), Health.HEALTHY, null);
        awaitContainer("shop2-web");

        admin.deleteApplication("shop2");
        assertThat(admin.applications()).isEmpty();
        assertThat(admin.services()).isEmpty();
        await().atMost(WAIT).until(() -> admin.containers(Map.of()).isEmpty());
    }
}
