package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.agent.RenewRequest;
import io.cluman.model.agent.RenewResponse;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent port's refusals and what a node certificate allows, against a real server. */
class AgentTlsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

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

    private static HeartbeatRequest beat(String nodeId) {
        return new HeartbeatRequest(nodeId, FakeAgents.facts("a"), NodeMetrics.empty(Instant.now()), Map.of());
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void theAgentProtocolOverThePeoplePortIsRefusedEvenForAnAdmin() {
        String id = FakeAgents.join(agent, "a", Map.of());
        HttpResponse<String> answer = server.send("POST", "/v1/agent/heartbeat",
                "{\"nodeId\":\"" + id + "\",\"metrics\":{}}");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("mutual TLS", "agent port");
        assertThat(server.send("POST", "/v1/agent/heartbeat", "{}", server.wiring().joinToken()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCertificateFromAnotherCaFailsTheHandshake(@TempDir Path otherDir) {
        String id = FakeAgents.join(agent, "a", Map.of());
        KeyPair keys = EcKeys.generate(RANDOM);
        TlsIdentity stranger;
        try (TestServer other = new TestServer(otherDir)) {
            stranger = new TlsIdentity(keys.getPrivate(), Pem.certificates(other.wiring().clusterCa().signNode(
                    Csr.pem(Csr.create(keys, id)), id, "a", java.util.List.of("127.0.0.1"), Duration.ofHours(1))));
        }
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.mutual(stranger,
                server.wiring().clusterCa().certificate())).build();
        ClumanClient impostor = ClumanClient.connect(server.wiring().agentUrl(), null, http);
        assertThatThrownBy(() -> impostor.heartbeat(beat(id))).isInstanceOf(java.io.UncheckedIOException.class);
        http.close();
    }

    @Test
    void aNodeSpeaksOnlyForItself() {
        String a = FakeAgents.join(agent, "a", Map.of());
        String b = FakeAgents.join(agent, "b", Map.of());
        assertThat(status(() -> FakeAgents.as(a).heartbeat(beat(b)))).isEqualTo(403);
        assertThat(status(() -> FakeAgents.as(a).assignments(b, 0, Duration.ZERO))).isEqualTo(403);
        assertThat(status(() -> FakeAgents.as(a).heartbeat(beat(a)))).isEqualTo(200);
    }

    @Test
    void decommissionedIsRefusedWith403AndRemovedWith401() {
        String id = FakeAgents.join(agent, "a", Map.of());
        String job = admin.operate(id, NodeOperation.DECOMMISSION).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.job(job).state().isFinished());
        assertThat(status(() -> FakeAgents.as(id).heartbeat(beat(id)))).isEqualTo(403);
        assertThat(status(() -> FakeAgents.as(id).join(new JoinRequest(null, "a", Map.of(),
                FakeAgents.facts("a"))))).as("nor may it join again with its certificate").isEqualTo(403);

        admin.deleteNode(id);
        assertThat(status(() -> FakeAgents.as(id).heartbeat(beat(id)))).isEqualTo(401);
    }

    @Test
    void aNodeIdKeptForItsTlsSessionStillGivesWayToDecommissionAndRemovalAtOnce() {
        String id = FakeAgents.join(agent, "a", Map.of());
        ClumanClient node = FakeAgents.as(id); // one keep-alive connection: one TLS session throughout
        assertThat(status(() -> node.heartbeat(beat(id)))).isEqualTo(200);
        assertThat(status(() -> node.heartbeat(beat(id)))).isEqualTo(200);
        String job = admin.operate(id, NodeOperation.DECOMMISSION).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.job(job).state().isFinished());
        assertThat(status(() -> node.heartbeat(beat(id)))).isEqualTo(403);
        admin.deleteNode(id);
        assertThat(status(() -> node.heartbeat(beat(id)))).isEqualTo(401);
    }

    @Test
    void aOneUseJoinTokenAdmitsOneAgentAndIsNotSpentByABadRequest() {
        String token = admin.createJoinToken(new JoinTokenRequest("1h", 1, "one node")).token();
        ClumanClient holder = ClumanClient.connect(server.wiring().url(), token);
        assertThat(status(() -> holder.join(new JoinRequest(null, "x", Map.of(), FakeAgents.facts("x")))))
                .as("no CSR: refused before the use is counted").isEqualTo(400);
        assertThat(FakeAgents.join(holder, new JoinRequest(null, "x", Map.of(), FakeAgents.facts("x"))).nodeId())
                .startsWith("n-");
        assertThat(status(() -> FakeAgents.join(holder, new JoinRequest(null, "y", Map.of(),
                FakeAgents.facts("y"))))).as("used up").isEqualTo(401);
    }

    @Test
    void aRenewedCertificateNamesTheSameNodeAndWorks() {
        KeyPair first = EcKeys.generate(RANDOM);
        JoinResponse joined = agent.join(new JoinRequest(null, "r", Map.of(), FakeAgents.facts("r"),
                Csr.pem(Csr.create(first, "new-node"))));
        X509Certificate ca = Pem.certificate(joined.ca());
        assertThat(joined.localApiKey()).isNotBlank();
        ClumanClient node = mtls(new TlsIdentity(first.getPrivate(), Pem.certificates(joined.certificate())), ca,
                joined.agentPort());

        KeyPair second = EcKeys.generate(RANDOM);
        RenewResponse renewed = node.renew(new RenewRequest(Csr.pem(Csr.create(second, "whatever"))));
        X509Certificate cert = Pem.certificate(renewed.certificate());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + joined.nodeId());
        assertThat(cert.getPublicKey()).isEqualTo(second.getPublic());

        ClumanClient renewedNode = mtls(new TlsIdentity(second.getPrivate(), Pem.certificates(renewed.certificate())),
                ca, joined.agentPort());
        assertThat(status(() -> renewedNode.heartbeat(beat(joined.nodeId())))).isEqualTo(200);
    }

    private static ClumanClient mtls(TlsIdentity identity, X509Certificate ca, int port) {
        HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.mutual(identity, ca)).build();
        return ClumanClient.connect("https://127.0.0.1:" + port, null, http);
    }
}
