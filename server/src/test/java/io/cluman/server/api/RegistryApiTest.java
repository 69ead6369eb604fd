package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.StatusReport;
import io.cluman.model.agent.TaskFailure;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.RegistryRequest;
import io.cluman.model.api.RegistryView;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Action;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.node.Disk;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import io.cluman.server.security.SecretKeyFile;
import io.cluman.store.KeyValue;
import io.cluman.store.repo.KeySpace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryApiTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String IMAGE = "127.0.0.1:5000/app:1";

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static int status(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ApiException.class, call).status();
    }

    /** Every value stored under {@code prefix}, as text. */
    private String stored(String prefix) {
        return server.wiring().store().range(prefix).kvs().stream()
                .map(kv -> new String(kv.value(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
    }

    private List<Event> registryEvents() {
        return admin.events(Map.of("topic", "bus.cluman.log.registry"));
    }

    @Test
    void dockerHubIsAlwaysListedAndCannotBeRemoved() {
        assertThat(admin.registries()).singleElement().satisfies(hub -> {
            assertThat(hub.name()).isEqualTo("docker.io");
            assertThat(hub.builtIn()).isTrue();
            assertThat(hub.hasPassword()).isFalse();
        });
        assertThat(admin.registry("docker.io").host()).isEqualTo("docker.io");
        assertThat(status(() -> admin.deleteRegistry("docker.io"))).isEqualTo(409);
        assertThat(admin.registries()).extracting(RegistryView::name).containsExactly("docker.io");
    }

    @Test
    void addsShowsAndRemovesARegistryWithoutEverShowingThePassword() {
        RegistryView added = admin.addRegistry(new RegistryRequest("local", "http://127.0.0.1:5000", "ci", PASSWORD));

        assertThat(added.host()).isEqualTo("127.0.0.1:5000");
        assertThat(added.username()).isEqualTo("ci");
        assertThat(added.hasPassword()).isTrue();
        assertThat(added.builtIn()).isFalse();
        assertThat(admin.registries()).extracting(RegistryView::name).containsExactly("docker.io", "local");
        assertThat(server.send("GET", "/v1/registries", null).body()).contains("hasPassword").doesNotContain(PASSWORD);
        assertThat(server.send("GET", "/v1/registries/local", null).body()).doesNotContain(PASSWORD);
        KeyValue raw = server.wiring().store().get(KeySpace.REGISTRIES + "local").orElseThrow();
        assertThat(new String(raw.value(), StandardCharsets.UTF_8)).contains("\"sealedPassword\":\"v1:")
                .doesNotContain(PASSWORD);

        admin.deleteRegistry("local");

        assertThat(status(() -> admin.registry("local"))).isEqualTo(404);
        assertThat(admin.registries()).extracting(RegistryView::name).containsExactly("docker.io");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registryEvents())
                .extracting(Event::action).contains(Action.CREATE, Action.DELETE));
        assertThat(registryEvents()).allSatisfy(e -> {
            assertThat(e.severity()).isEqualTo(Severity.INFO);
            assertThat(e.objectId()).isEqualTo("local");
            assertThat(e.message()).doesNotContain(PASSWORD);
        });
    }

    @Test
    void dockerHubCredentialsAreSetByAddingDockerIoAndForgottenByRemovingIt() {
        RegistryView hub = admin.addRegistry(new RegistryRequest("docker.io", null, "someone", PASSWORD));

        assertThat(hub.builtIn()).isTrue();
        assertThat(hub.hasPassword()).isTrue();
        assertThat(admin.registries()).extracting(RegistryView::name).containsExactly("docker.io");
        assertThat(status(() -> admin.addRegistry(new RegistryRequest("hub", "index.docker.io", "x", "y"))))
                .isEqualTo(400);

        admin.deleteRegistry("docker.io");

        assertThat(admin.registry("docker.io").hasPassword()).isFalse();
        assertThat(status(() -> admin.deleteRegistry("docker.io"))).isEqualTo(409);
    }

    @Test
    void assignmentsCarryTheLoginOfTheImagesRegistryButTheStoredContainerDoesNot() {
        String node = dockerNode();
        admin.addRegistry(new RegistryRequest("local", "127.0.0.1:5000", "ci", PASSWORD));
        admin.addRegistry(new RegistryRequest("open", "registry.example.com", null, null));
        admin.createContainer(docker("private", IMAGE, node));
        admin.createContainer(docker("public", "busybox:1.36", node));
        admin.createContainer(docker("anonymous", "registry.example.com/app", node));

        Map<String, Assignment> byName = FakeAgents.as(node).assignments(node, 0, Duration.ZERO).assignments().stream()
                .collect(Collectors.toMap(Assignment::name, a -> a));

        assertThat(byName.get("private").login()).satisfies(login -> {
            assertThat(login.registry()).isEqualTo("local");
            assertThat(login.server()).isEqualTo("127.0.0.1:5000");
            assertThat(login.username()).isEqualTo("ci");
            assertThat(login.password()).isEqualTo(PASSWORD);
        });
        assertThat(byName.get("public").login()).isNull();
        assertThat(byName.get("anonymous").login()).isNull();
        assertThat(stored(KeySpace.CONTAINERS)).contains(IMAGE).doesNotContain(PASSWORD);
        assertThat(stored(KeySpace.ROOT)).doesNotContain(PASSWORD);
    }

    @Test
    void aRefusedPullNamesTheRegistryToFixAndRaisesAnErrorEvent() {
        String node = dockerNode();
        admin.addRegistry(new RegistryRequest("local", "127.0.0.1:5000", "ci", PASSWORD));
        String alloc = admin.createContainer(docker("private", IMAGE, node)).allocId();

        FakeAgents.as(node).reportStatus(new StatusReport(node, List.of(new TaskReport(alloc, 1, TaskState.FAILED, null, 0,
                "pull of " + IMAGE + " failed: unauthorized: authentication required", null, null, null,
                TaskFailure.PULL_UNAUTHORIZED))));

        String expected = "pull of " + IMAGE + " failed: unauthorized: check the credentials of registry 'local'";
        assertThat(admin.container("private").status()).isEqualTo(TaskState.FAILED);
        assertThat(admin.container("private").lastError()).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registryEvents())
                .filteredOn(e -> e.severity() == Severity.ERROR).singleElement().satisfies(e -> {
                    assertThat(e.message()).contains(expected);
                    assertThat(e.attributes()).containsEntry("registry", "local").containsEntry("image", IMAGE);
                }));
    }

    @Test
    void aRefusedPullFromAHostWithoutRegistrySaysHowToAddOne() {
        String node = dockerNode();
        String alloc = admin.createContainer(docker("private", IMAGE, node)).allocId();

        FakeAgents.as(node).reportStatus(new StatusReport(node, List.of(new TaskReport(alloc, 1, TaskState.FAILED, null, 0,
                "no basic auth credentials", null, null, null, TaskFailure.PULL_UNAUTHORIZED))));

        assertThat(admin.container("private").lastError()).startsWith("pull of " + IMAGE + " failed: unauthorized:")
                .contains("no registry is set up for 127.0.0.1:5000", "cluman registry add");
    }

    @Test
    void aServerWithAnotherKeyDoesNotStartAndSaysWhyWhileTheSharedKeyFileOpens() throws Exception {
        String node = dockerNode();
        admin.addRegistry(new RegistryRequest("local", "127.0.0.1:5000", "ci", PASSWORD));
        admin.createContainer(docker("private", IMAGE, node));
        Path shared = Files.copy(dir.resolve(SecretKeyFile.DEFAULT_FILE), dir.resolve("shared.key"));
        server.close();
        Files.delete(dir.resolve(SecretKeyFile.DEFAULT_FILE));

        // the cluster CA's key is sealed under the master key too: another key cannot serve this cluster at all
        assertThatThrownBy(() -> restart(ServerConfig.defaults(dir).withPort(0)))
                .hasMessageContaining("--secret-key-file").hasMessageNotContaining(PASSWORD);

        restart(ServerConfig.defaults(dir).withPort(0).withSecretKeyFile(shared));
        FakeAgents.reconnect(node, server.wiring().api().agentPort());

        assertThat(FakeAgents.as(node).assignments(node, 0, Duration.ZERO).assignments()).singleElement()
                .satisfies(a -> assertThat(a.login().password()).isEqualTo(PASSWORD));
    }

    /**
     * Removes the cluster CA from the stopped server's store, so a server with another key starts (making
     * its own CA) and this test reaches the registry's unsealing; a real cluster never does this.
     */
    private void restart(ServerConfig config) {
        server = new TestServer(config);
        admin = server.admin();
        agent = server.agent();
    }

    private static ContainerRequest docker(String name, String image, String node) {
        return new ContainerRequest(name, DriverName.DOCKER, image, null, null, node, null, null, null, null, null,
                "no", null);
    }

    /** A joined, commissioned node that says it has the docker driver. */
    private String dockerNode() {
        NodeFacts facts = new NodeFacts("docker-host", List.of("127.0.0.1"), 4, 8L << 30,
                List.of(new Disk("/", 100L << 30)), "Linux test", "test", List.of("process", "docker"));
        String id = FakeAgents.join(agent, new JoinRequest(null, "docker-1", Map.of(), facts)).nodeId();
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(job).state().isFinished());
        return id;
    }
}
