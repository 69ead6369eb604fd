package io.cluman.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.cli.Run;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.TlsContexts;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.Pem;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.tls.ApiTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls auto}: the API port serves the server's certificate from the cluster CA; the CLI finds the CA. */
class TlsAutoTest {
    @TempDir
    Path dir;
    ServerWiring server;

    @BeforeEach
    void start() {
        server = ServerWiring.start(ServerConfig.defaults(dir).withPort(0)
                .withApi(ApiOptions.DEFAULTS.withTls(new ApiTls.Auto())), InstantSource.system());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theApiSpeaksHttpsWithACertificateFromTheClusterCa() throws Exception {
        assertThat(server.url()).startsWith("https://");
        Path caFile = dir.resolve("ca.crt");
        X509Certificate ca = Pem.certificate(Files.readString(caFile));
        assertThat(CaPin.fingerprint(ca)).isEqualTo(server.clusterCa().fingerprint());

        try (HttpClient http = HttpClient.newBuilder()
                .sslContext(TlsContexts.trusting(ca)).build()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theCliOnTheServersMachineFindsTheCaBesideTheAdminToken() {
        Run run = Run.of("node", "ls", "--addr", server.url(), "--data", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("ID");

        Run plain = Run.of("node", "ls", "--addr", server.url().replace("https://", "http://"), "--data",
                dir.toString());
        assertThat(plain.code()).as("plain HTTP is not answered").isNotZero();
    }

    @Test
    void anAgentWithAPinnedJoinTokenJoinsOverHttpsWithoutACaFile() throws Exception {
        X509Certificate ca = Pem.certificate(Files.readString(dir.resolve("ca.crt")));
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken(), TlsContexts.trusting(ca));
        String token = admin.createJoinToken(new JoinTokenRequest("1h", 2, "pinned")).token();

        try (AgentWiring agent = new AgentWiring(agentConfig(token, "pinned"), InstantSource.system())) {
            agent.start();
            assertThat(agent.awaitJoined(Duration.ofSeconds(20))).isTrue();
        }
        // a token naming another CA: the agent never trusts this server
        String otherPin = token.replaceFirst("^CLJ1-[0-9a-f]{16}-", "CLJ1-0123456789abcdef-");
        try (AgentWiring agent = new AgentWiring(agentConfig(otherPin, "stranger"), InstantSource.system())) {
            agent.start();
            assertThat(agent.awaitJoined(Duration.ofSeconds(3))).isFalse();
        }
        assertThat(admin.nodes(java.util.Map.of())).extracting(n -> n.name()).containsExactly("pinned");
    }

    private AgentConfig agentConfig(String token, String name) {
        return new AgentConfig(server.url(), token, dir.resolve("agent-" + name), name, java.util.Map.of(),
                new LocalApiConfig("127.0.0.1", 0, null), null);
    }

    @Test
    void autoAndFilesExcludeEachOther() {
        Run both = Run.of("server", "--data", dir.resolve("other").toString(), "--port", "0", "--tls", "auto",
                "--tls-cert", "x.crt", "--tls-key", "x.key");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--tls auto");
        Run wrong = Run.of("server", "--data", dir.resolve("other").toString(), "--port", "0", "--tls", "yes");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("--tls takes 'auto'");
    }
}
