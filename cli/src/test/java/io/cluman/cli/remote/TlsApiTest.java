package io.cluman.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.cli.Main;
import io.cluman.cli.Run;
import io.cluman.client.ClientTls;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.tls.ApiTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the API port with a self-signed certificate: trusted clients (the JDK's and the CLI's
 * {@code --ca-file}, an agent's) get through, plain HTTP and untrusting clients do not, bad files stop the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsApiTest {
    private Path dir;
    private SelfSignedCert cert;
    private ServerWiring server;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        cert = SelfSignedCert.make(dir, "api", "EC");
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("data")).withPort(0)
                .withApi(ApiOptions.DEFAULTS.withTls(new ApiTls.FromFiles(cert.cert(), cert.key()))),
                InstantSource.system());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/v1/nodes")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + server.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsWithTheCertificateTrustedSucceeds() throws Exception {
        assertThat(server.url()).startsWith("https://127.0.0.1:");
        HttpClient http = HttpClient.newBuilder().sslContext(ClientTls.trusting(cert.cert())).build();
        assertThat(get(http, server.url()).statusCode()).isEqualTo(200);
    }

    @Test
    void plainHttpToTheTlsPortFails() {
        HttpClient http = HttpClient.newHttpClient();
        Throwable failure = catchThrowable(() -> {
            HttpResponse<String> r = get(http, "http://127.0.0.1:" + server.port());
            throw new AssertionError("plain HTTP was answered: " + r.statusCode() + " " + r.body());
        });
        assertThat(failure).isInstanceOf(IOException.class);
    }

    @Test
    void clientsThatDoNotTrustTheCertificateFail() {
        assertThat(catchThrowable(() -> get(HttpClient.newHttpClient(), server.url())))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void cliWithCaFileListsNodes() {
        Run run = Run.of("node", "ls", "--addr", server.url(), "--token", server.adminToken(), "--ca-file",
                cert.cert().toString(), "-o", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out().strip()).isEqualTo("[ ]");
    }

    @Test
    void cliWithoutTheCaFileCannotConnect() {
        Run run = Run.of("node", "ls", "--addr", server.url(), "--token", server.adminToken());
        assertThat(run.code()).isNotEqualTo(Main.OK);
    }

    @Test
    void cliRefusesAnUnreadableCaFile() {
        Run run = Run.of("node", "ls", "--addr", server.url(), "--ca-file", dir.resolve("nope.pem").toString());
        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--ca-file", "nope.pem");
    }

    @Test
    void agentWithTheCaFileJoinsOverHttps() {
        AgentConfig config = new AgentConfig(server.url(), server.joinToken(), dir.resolve("agent"), "tls-agent",
                Map.of(), new LocalApiConfig("127.0.0.1", 0, null), cert.cert());
        try (AgentWiring agent = new AgentWiring(config, InstantSource.system())) {
            agent.start();
            assertThat(agent.awaitJoined(Duration.ofSeconds(20))).isTrue();
            assertThat(agent.nodeId()).isPresent();
        }
    }

    @Test
    void serverRefusesMissingOneSidedOrMismatchedFilesNamingTheOption() throws Exception {
        SelfSignedCert other = SelfSignedCert.make(dir, "other", "RSA");
        String data = dir.resolve("refused").toString();
        Run missing = Run.of("server", "--data", data, "--port", "0", "--tls-cert", dir.resolve("no.crt").toString(),
                "--tls-key", cert.key().toString());
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("--tls-cert", "no.crt", "cannot be read");

        Run oneSided = Run.of("server", "--data", data, "--port", "0", "--tls-cert", cert.cert().toString());
        assertThat(oneSided.code()).isEqualTo(Main.USAGE);
        assertThat(oneSided.err()).contains("--tls-cert needs --tls-key");

        Run mismatched = Run.of("server", "--data", data, "--port", "0", "--tls-cert", cert.cert().toString(),
                "--tls-key", other.key().toString());
        assertThat(mismatched.code()).isEqualTo(Main.USAGE);
        assertThat(mismatched.err()).contains("--tls-key", "is not the key of the certificate");

        Run notPem = Run.of("server", "--data", data, "--port", "0", "--tls-cert", cert.key().toString(),
                "--tls-key", cert.key().toString());
        assertThat(notPem.code()).isEqualTo(Main.USAGE);
        assertThat(notPem.err()).contains("--tls-cert");
        assertThat(Files.exists(Path.of(data, "admin.token"))).as("nothing started").isFalse();
    }
}
