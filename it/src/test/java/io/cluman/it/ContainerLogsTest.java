package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.HostConfig;
import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.LogQuery;
import io.cluman.model.api.UnmanagedContainer;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs, stats and unmanaged objects through a real server and a real agent (in this JVM, with the process
 * driver and a real dockerd): the server proxies the agent's local API, and says why when it cannot.
 */
@Timeout(180)
class ContainerLogsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DockerdProcess engine;

    @TempDir
    Path dir;
    private ServerWiring server;
    private AgentWiring agent;
    private ClumanClient admin;
    private String node;

    @BeforeAll
    static void startEngine() {
        engine = DockerdProcess.start();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void start() {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true)
                .withOffAfter(Duration.ofSeconds(3)), InstantSource.system());
        admin = ClumanClient.connect(server.url(), server.adminToken());
        agent = new AgentWiring(new AgentConfig(server.url(), server.joinToken(), dir.resolve("agent"), "worker",
                Map.of(), LocalApiConfig.LOOPBACK_EPHEMERAL), InstantSource.system(), engine.agentEnvironment());
        agent.start();
        node = await().atMost(WAIT).until(() -> admin.nodes(Map.of()), nodes -> nodes.size() == 1
                && nodes.get(0).state() == NodeState.ACTIVE && nodes.get(0).on()).get(0).id();
    }

    @AfterEach
    void stop() {
        for (ContainerView c : admin.containers(Map.of())) {
            admin.deleteContainer(c.name());
        }
        await().atMost(WAIT).until(() -> agent.taskDriver("process").orElseThrow().recover(node).isEmpty());
        agent.close();
        server.close();
    }

    private ContainerView run(String name, String script) {
        admin.createContainer(new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sh", "-c", script),
                null, node, null, null, null, null, null, "no", null));
        return await().atMost(WAIT).until(() -> admin.container(name), c -> c.status() == TaskState.RUNNING);
    }

    private List<String> logs(String name, int tail, boolean follow) {
        try (Stream<String> lines = admin.containerLogs(name, new LogQuery(tail, follow))) {
            return lines.toList();
        }
    }

    @Test
    void logsWithTailAndFollowUntilTheContainerEnds() {
        Path release = dir.resolve("release");
        run("printer", "for i in 1 2 3 4 5; do echo line-$i; done; while [ ! -f " + release + " ]; do sleep 0.1;"
                + " done; echo bye");
        await().atMost(WAIT).until(() -> logs("printer", 2, false), lines -> lines.equals(List.of("line-4", "line-5")));
        assertThat(logs("printer", -1, false)).containsExactly("line-1", "line-2", "line-3", "line-4", "line-5");

        try (Stream<String> lines = admin.containerLogs("printer", new LogQuery(1, true))) {
            Iterator<String> followed = lines.iterator();
            assertThat(followed.next()).isEqualTo("line-5");
            touch(release);
            assertThat(followed.next()).isEqualTo("bye");
            assertThat(followed.hasNext()).as("follow ends when the container ends").isFalse();
        }
        await().atMost(WAIT).until(() -> admin.container("printer").status() == TaskState.EXITED);
        assertThat(logs("printer", 2, true)).as("follow on an exited container").containsExactly("line-5", "bye");
    }

    @Test
    void showHasStatsWhileTheContainerRuns() {
        run("sleeper", "exec sleep 300");
        ContainerView shown = admin.container("sleeper");
        assertThat(shown.statsError()).isNull();
        assertThat(shown.stats()).isNotNull();
        assertThat(shown.stats().memoryBytes()).isPositive();
        assertThat(shown.stats().at()).isNotNull();
        assertThat(admin.containers(Map.of())).allSatisfy(c -> assertThat(c.stats()).isNull());

        admin.containerAction("sleeper", "stop");
        await().atMost(WAIT).until(() -> admin.container("sleeper").status() == TaskState.EXITED);
        assertThat(admin.container("sleeper").stats()).isNull();
        assertThat(admin.container("sleeper").statsError()).isNull();
        assertThat(logs("sleeper", 10, true)).as("follow on a stopped container ends").isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        run("quiet", "exec sleep 300");
        assertThat(raw("/v1/containers/quiet/logs?tail=ten").statusCode()).isEqualTo(400);
        assertThat(raw("/v1/containers/quiet/logs?tail=ten").body()).contains("\"field\":\"tail\"");
        assertThat(raw("/v1/containers/quiet/logs?tail=-1").body()).contains("\"field\":\"tail\"");
        HttpResponse<String> follow = raw("/v1/containers/quiet/logs?follow=maybe");
        assertThat(follow.statusCode()).isEqualTo(400);
        assertThat(follow.body()).contains("\"field\":\"follow\"");
        assertThat(raw("/v1/containers/nobody/logs").statusCode()).isEqualTo(404);

        admin.createContainer(new ContainerRequest("broken", DriverName.PROCESS, null, List.of("/no/such/program"),
                null, node, null, null, null, null, null, "no", null));
        await().atMost(WAIT).until(() -> admin.container("broken").status() == TaskState.FAILED);
        HttpResponse<String> neverStarted = raw("/v1/containers/broken/logs");
        assertThat(neverStarted.statusCode()).isEqualTo(409);
        assertThat(neverStarted.body()).contains("has not started on node " + node);
    }

    @Test
    void anAgentThatIsGoneIs503NamingTheNode() {
        run("orphaned", "exec sleep 300");
        agent.close();

        HttpResponse<String> unreachable = raw("/v1/containers/orphaned/logs");
        assertThat(unreachable.statusCode()).isEqualTo(503);
        assertThat(unreachable.body()).contains("worker").contains("cannot reach");
        ContainerView shown = admin.container("orphaned");
        assertThat(shown.stats()).isNull();
        assertThat(shown.statsError()).contains("worker");

        await().atMost(WAIT).until(() -> !admin.node(node).on());
        HttpResponse<String> off = raw("/v1/containers/orphaned/logs");
        assertThat(off.statusCode()).isEqualTo(503);
        assertThat(off.body()).contains("worker").contains("is off");
        assertThat(raw("/v1/nodes/" + node + "/unmanaged").statusCode()).isEqualTo(503);
        agent = restartedAgent();
    }

    @Test
    void unmanagedContainersAreListedAndNeverTouched() {
        String outsider = engine.client().createContainerCmd(DockerdProcess.IMAGE).withName("outsider")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).withCmd("sleep", "300").exec().getId();
        try {
            engine.client().startContainerCmd(outsider).exec();
            assertThat(admin.node(node).facts().apiAddress()).isEqualTo(agent.apiAddress()).startsWith("127.0.0.1:");

            List<UnmanagedContainer> listed = admin.unmanaged(node);
            assertThat(listed).filteredOn(u -> u.runtimeId().equals(outsider)).singleElement()
                    .satisfies(u -> assertThat(u).extracting(UnmanagedContainer::name, UnmanagedContainer::driver,
                            UnmanagedContainer::state).containsExactly("outsider", "docker", "running"));

            run("neighbour", "exec sleep 300");
            admin.deleteContainer("neighbour");
            await().atMost(WAIT).until(() -> agent.taskDriver("process").orElseThrow().recover(node).isEmpty());
            assertThat(engine.client().inspectContainerCmd(outsider).exec().getState().getRunning())
                    .as("Cluman never touches what it did not start").isTrue();
            assertThat(admin.unmanaged(node)).extracting(UnmanagedContainer::runtimeId).contains(outsider);
        } finally {
            engine.client().removeContainerCmd(outsider).withForce(true).exec();
        }
    }

    @Test
    void theLocalApiTakesOnlyTheServersCertificateWithTheNodesKey() throws Exception {
        URI unmanaged = URI.create("https://" + agent.apiAddress() + "/v1/local/unmanaged");
        X509Certificate ca = server.clusterCa().certificate();
        String key = agent.credentials().orElseThrow().localApiKey();
        String host = unmanaged.getHost();

        try (HttpClient anonymous = HttpClient.newBuilder().sslContext(TlsContexts.trusting(ca)).build()) {
            assertThatThrownBy(() -> anonymous.send(local(unmanaged, key), HttpResponse.BodyHandlers.ofString()))
                    .as("no client certificate: the handshake fails").isInstanceOf(java.io.IOException.class);
        }
        try (HttpClient plain = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> plain.send(local(URI.create("http://" + agent.apiAddress()
                    + "/v1/local/unmanaged"), key), HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP is not answered").isInstanceOf(java.io.IOException.class);
        }
        TlsIdentity asServer = server.clusterCa().issueServer(List.of("127.0.0.1", host), Duration.ofHours(1));
        try (HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.mutual(asServer, ca)).build()) {
            assertThat(http.send(local(unmanaged, "wrong"), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the server's certificate with a wrong key").isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(unmanaged).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("without a key").isEqualTo(401);
            assertThat(http.send(local(unmanaged, key), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        }
        NodeCredentials own = agent.credentials().orElseThrow();
        try (HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.mutual(own.identity(), ca)).build()) {
            assertThat(http.send(local(unmanaged, key), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("a node's certificate is not the server's, even with the key").isEqualTo(403);
        }
    }

    private static HttpRequest local(URI uri, String key) {
        return HttpRequest.newBuilder(uri).header("X-Cluman-Api-Key", key).build();
    }

    private AgentWiring restartedAgent() {
        AgentWiring again = new AgentWiring(agent.config(), InstantSource.system(), engine.agentEnvironment());
        again.start();
        await().atMost(WAIT).until(() -> admin.node(node).on());
        return again;
    }


    private HttpResponse<String> raw(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Authorization", "Bearer " + server.adminToken()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
