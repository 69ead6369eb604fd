package io.cluman.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.api.LocalApiConfig;
import io.cluman.agent.api.LocalApiServer;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.agent.heartbeat.LoopTiming;
import io.cluman.client.tls.CommonName;
import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.model.agent.JoinRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent's credentials against a fake server with a cluster CA: join, restart, pin, removal, renewal. */
@Timeout(60)
class AgentTlsTest {
    private static final String TOKEN = "join-secret";
    private static final Duration GENEROUS = Duration.ofSeconds(15);
    private static final LoopTiming FAST = new LoopTiming(Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(200));
    private static final List<String> FILES = List.of("node.key", "node.crt", "ca.crt", "agent-url", "local-api.key");

    @TempDir
    Path dir;
    private final TestCa ca = TestCa.create("cluster-ca");
    private FakeServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstJoinSendsACsrWithTheTokenAndKeepsTheCredentialsOwnerOnly() throws IOException {
        server = FakeServer.withCa(TOKEN, ca).joinInterval(100).heartbeatInterval(100);
        try (AgentWiring agent = agent(TOKEN, Duration.ofMinutes(1))) {
            agent.start();
            assertThat(agent.awaitJoined(GENEROUS)).isTrue();

            JoinRequest join = server.joins().getFirst();
            assertThat(join.csr()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
            assertThat(server.calls().getFirst()).isEqualTo(new FakeServer.Call("/v1/agent/join", "Bearer " + TOKEN,
                    null));
            for (String file : FILES) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            X509Certificate cert = Pem.certificate(Files.readString(dir.resolve("node.crt")));
            assertThat(CommonName.of(cert)).contains("node-1");
            assertThat(Pem.certificate(Files.readString(dir.resolve("ca.crt")))).isEqualTo(ca.certificate());
            assertThat(dir.resolve("agent-url")).hasContent("https://127.0.0.1:" + server.agentPort());
            assertThat(dir.resolve("local-api.key")).hasContent(FakeServer.LOCAL_API_KEY);

            // from now on: the agent port, the node certificate, no token
            await().atMost(GENEROUS).until(() -> server.beats().size() >= 2);
            assertThat(server.calls()).filteredOn(c -> c.path().equals("/v1/agent/heartbeat")).allSatisfy(c -> {
                assertThat(c.authorization()).isNull();
                assertThat(c.peer()).isEqualTo(cert);
            });
        }
    }

    @Test
    void aRestartWithCredentialsJoinsOverMutualTlsWithoutTheToken() {
        server = FakeServer.withCa(TOKEN, ca).joinInterval(100).heartbeatInterval(100);
        try (AgentWiring agent = agent(TOKEN, Duration.ofMinutes(1))) {
            agent.start();
            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
        }
        int before = server.calls().size();

        try (AgentWiring again = agent("spent-token", Duration.ofMinutes(1))) {
            again.start();
            assertThat(again.awaitJoined(GENEROUS)).isTrue();
            assertThat(again.nodeId()).contains("node-1");
        }
        assertThat(server.joins()).extracting(JoinRequest::nodeId).containsExactly(null, "node-1");
        assertThat(server.joins().get(1).csr()).isNull();
        assertThat(server.calls().subList(before, server.calls().size())).allSatisfy(c -> {
            assertThat(c.authorization()).isNull();
            assertThat(c.peer()).isNotNull();
        });
    }

    @Test
    void aCaThatDoesNotMatchThePinIsNeverKept() {
        String pinnedElsewhere = "CLJ1-" + CaPin.of(TestCa.create("other-ca").certificate()) + "-secret";
        server = FakeServer.withCa(pinnedElsewhere, ca);
        try (AgentWiring agent = agent(pinnedElsewhere, Duration.ofMinutes(1))) {
            agent.start();
            await().atMost(GENEROUS).until(() -> server.joinAttempts() >= 3);

            assertThat(agent.awaitJoined(Duration.ofMillis(100))).isFalse();
            assertThat(agent.credentials()).isEmpty();
        }
        for (String file : List.of("node.key", "node.crt", "ca.crt", "agent-url", "local-api.key", "node-id")) {
            assertThat(dir.resolve(file)).as(file).doesNotExist();
        }
        assertThat(server.beats()).isEmpty();
    }

    @Test
    void aCaThatMatchesThePinIsKept() {
        String pinned = "CLJ1-" + CaPin.of(ca.certificate()) + "-secret";
        server = FakeServer.withCa(pinned, ca);
        try (AgentWiring agent = agent(pinned, Duration.ofMinutes(1))) {
            agent.start();

            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
            assertThat(agent.credentials()).hasValueSatisfying(c -> assertThat(c.ca()).isEqualTo(ca.certificate()));
        }
    }

    @Test
    void aRemovedNodesRefusedJoinDropsTheCredentialsAndJoinsAgainWithTheTokenAsANewNode() throws IOException {
        server = FakeServer.withCa(TOKEN, ca).joinInterval(100).heartbeatInterval(100);
        try (AgentWiring agent = agent(TOKEN, Duration.ofMinutes(1))) {
            agent.start();
            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
        }
        server.failJoins(401, 1);

        try (AgentWiring again = agent(TOKEN, Duration.ofMinutes(1))) {
            again.start();
            assertThat(again.awaitJoined(GENEROUS)).isTrue();

            assertThat(again.nodeId()).contains("node-2");
            assertThat(dir.resolve("node-id")).hasContent("node-2");
            X509Certificate cert = Pem.certificate(Files.readString(dir.resolve("node.crt")));
            assertThat(CommonName.of(cert)).contains("node-2");
        }
        List<FakeServer.Call> joins = server.calls().stream().filter(c -> c.path().equals("/v1/agent/join")).toList();
        assertThat(joins).hasSize(3);
        assertThat(CommonName.of(joins.get(1).peer())).contains("node-1");
        assertThat(joins.get(2).authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(server.joins().get(1).nodeId()).isNull();
        assertThat(server.joins().get(1).csr()).isNotNull();
    }

    @Test
    void aRefusedHeartbeatOverMutualTlsJoinsAgainWithTheCertificate() {
        server = FakeServer.withCa(TOKEN, ca).joinInterval(100).heartbeatInterval(100);
        try (AgentWiring agent = agent(TOKEN, Duration.ofMinutes(1))) {
            agent.start();
            await().atMost(GENEROUS).until(() -> server.beats().size() >= 1);

            server.failHeartbeats(403, 1);
            await().atMost(GENEROUS).until(() -> server.joins().size() == 2);

            assertThat(server.joins().get(1).nodeId()).isEqualTo("node-1");
            assertThat(server.joins().get(1).csr()).isNull();
            assertThat(agent.nodeId()).contains("node-1");
        }
    }

    @Test
    void renewalSwapsTheCertificateWithoutARestart() {
        server = FakeServer.withCa(TOKEN, ca).certificateLifetime(Duration.ofSeconds(6)).joinInterval(100)
                .heartbeatInterval(100);
        try (AgentWiring agent = agent(TOKEN, Duration.ofMillis(200))) {
            agent.start();
            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
            X509Certificate first = agent.credentials().orElseThrow().certificate();

            await().atMost(GENEROUS).until(() -> !agent.credentials().orElseThrow().certificate().equals(first));
            X509Certificate renewed = agent.credentials().orElseThrow().certificate();
            int beats = server.beats().size();
            await().atMost(GENEROUS).until(() -> server.beats().size() >= beats + 3);

            assertThat(server.calls()).filteredOn(c -> c.path().equals("/v1/agent/renew")).first()
                    .satisfies(c -> assertThat(c.peer()).isEqualTo(first));
            assertThat(CommonName.of(renewed)).contains("node-1");
            assertThat(server.beats().subList(beats + 1, server.beats().size()))
                    .allSatisfy(b -> assertThat(b.peer()).isNotEqualTo(first));
        }
    }

    @Test
    void theLocalApiServesTheServerOnceTheNodeJoined() throws Exception {
        server = FakeServer.withCa(TOKEN, ca);
        try (AgentWiring agent = agent(TOKEN, Duration.ofMinutes(1))) {
            agent.start();
            assertThat(agent.awaitJoined(GENEROUS)).isTrue();
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(TlsContexts.mutual(ca.identity(LocalApiServer.SERVER_CN), ca.certificate())).build();

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("https://" + agent.apiAddress() + "/v1/local/unmanaged"))
                    .header(LocalApiServer.API_KEY_HEADER, FakeServer.LOCAL_API_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.sslSession().orElseThrow().getPeerCertificates()[0])
                    .isEqualTo(agent.credentials().orElseThrow().certificate());
        }
    }

    private AgentWiring agent(String token, Duration renewalCheck) {
        AgentConfig config = AgentConfig.of(server.url(), token, dir.toString(), "web-1", "")
                .withLocalApi(LocalApiConfig.LOOPBACK_EPHEMERAL);
        return new AgentWiring(config, InstantSource.system(),
                List.of(new ProcessDriver(dir.resolve("tasks"), InstantSource.system())), FAST, renewalCheck);
    }
}
