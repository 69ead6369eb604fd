package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.agent.driver.docker.RegistryProcess;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.RegistryRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.server.ServerWiring;
import io.cluman.server.options.ConfigGitSettings;
import io.cluman.server.options.ConfigRepoFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a real container's options come from: the image's {@code arg.memory=64M} label read through the
 * node's agent, a real git repository of defaults, and the request; and what an image that exists nowhere
 * does to a container.
 */
@Timeout(180)
class ContainerOptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    ConfigRepoFixture config;
    DockerNode fleet;
    DockerdProcess engine;
    ServerWiring server;
    ClumanClient admin;
    String node;

    @BeforeEach
    void start() {
        config = ConfigRepoFixture.init(dir.resolve("config"));
        config.commit("orphans/busybox.yml", "restart: always\nenvironment: {MODE: from-git}\n");
        fleet = DockerNode.start(dir, c -> c.withConfigGit(new ConfigGitSettings(config.url(), null, null, null,
                Duration.ofMillis(500))));
        engine = fleet.engine;
        server = fleet.server;
        admin = fleet.admin;
        node = fleet.nodeId;
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (config != null) {
            config.close();
        }
    }

    @Test
    void theImageLabelTheClusterDefaultsAndTheRequestMakeTheContainer() throws Exception {
        ContainerView created = admin.createContainer(new ContainerRequest("shaped", DriverName.DOCKER,
                DockerdProcess.IMAGE, null, List.of("sleep", "3600"), node, null, Map.of("EXTRA", "from-request"),
                null, null, null, null, null));
        assertThat(created.spec().memory()).as("arg.memory=64M on the image").isEqualTo(64L << 20);
        assertThat(created.spec().restart()).as("orphans/busybox.yml").isEqualTo("always");
        assertThat(created.spec().env()).containsExactlyInAnyOrderEntriesOf(
                Map.of("MODE", "from-git", "EXTRA", "from-request"));
        String id = await().atMost(WAIT).until(() -> admin.container("shaped"),
                c -> c.status() == TaskState.RUNNING).runtimeId();
        assertThat(engine.client().inspectContainerCmd(id).exec().getHostConfig().getMemory())
                .as("the engine applies the merged limit").isEqualTo(64L << 20);

        JsonNode report = get("/v1/containers/defaults?cluster=orphans&image=" + DockerdProcess.IMAGE);
        assertThat(report.at("/labelsFrom").asText()).isEqualTo("worker");
        assertThat(report.at("/values/memory").asLong()).isEqualTo(64L << 20);
        assertThat(report.at("/provenance").findValuesAsText("source")).contains("image label");
    }

    @Test
    void labelsOfAnImageTheNodeHasNotPulledComeFromItsRegistry() throws Exception {
        try (RegistryProcess registry = RegistryProcess.start("ci", "s3cret")) {
            String image = registry.push(engine, DockerdProcess.IMAGE, "team/busybox", "1", "ci", "s3cret");
            admin.addRegistry(new RegistryRequest("corp", registry.address(), "ci", "s3cret"));
            ContainerView created = admin.createContainer(new ContainerRequest("pulled", DriverName.DOCKER, image,
                    null, List.of("sleep", "3600"), node, null, null, null, null, null, "no", null));
            assertThat(created.spec().memory()).as("arg.memory=64M, read from the registry's manifest")
                    .isEqualTo(64L << 20);
            await().atMost(WAIT).until(() -> admin.container("pulled"), c -> c.status() == TaskState.RUNNING);
        }
    }

    @Test
    void anImageThatExistsNowhereFailsTheContainerWithAClearErrorAndAnErrorEvent() throws Exception {
        try (RegistryProcess registry = RegistryProcess.start("puller", "s3cret")) {
            admin.addRegistry(new RegistryRequest("local", registry.address(), "puller", "s3cret"));
            String image = registry.address() + "/team/missing:1";
            admin.createContainer(new ContainerRequest("ghost", DriverName.DOCKER, image, null, List.of("sleep", "1"),
                    node, null, null, null, null, null, "always", null));
            ContainerView failed = await().atMost(WAIT).until(() -> admin.container("ghost"),
                    c -> c.status() == TaskState.FAILED);
            assertThat(failed.lastError()).contains(image).containsIgnoringCase("not");
            assertThat(failed.restarts()).as("a missing image is not retried").isZero();
            List<Event> errors = admin.events(Map.of("topic", Topic.LOG_REGISTRY.busName()));
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.severity()).isEqualTo(Severity.ERROR);
                assertThat(e.objectId()).isEqualTo("ghost");
            });
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + path)).header("Authorization", "Bearer " + server.adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }
}
