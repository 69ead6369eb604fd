package io.cluman.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.agent.TestCa;
import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Who gets into the local API: the server's certificate from the cluster CA and the node's API key, both. */
@Timeout(60)
class LocalApiTlsTest {
    private static final String KEY = "the-api-key";
    private static final String PATH = "/v1/local/unmanaged";

    @TempDir
    Path dir;
    private final TestCa ca = TestCa.create("cluster-ca");
    private final AtomicReference<NodeCredentials> credentials = new AtomicReference<>();
    private ProcessDriver driver;
    private LocalApiServer api;

    @BeforeEach
    void start() {
        driver = new ProcessDriver(dir, InstantSource.system());
        DriverSet drivers = new DriverSet(List.of(driver));
        drivers.detect();
        credentials.set(credentials(ca));
        api = new LocalApiServer(LocalApiConfig.LOOPBACK_EPHEMERAL, () -> Optional.ofNullable(credentials.get()),
                id -> Optional.empty(), drivers, () -> "192.0.2.1");
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
        driver.close();
    }

    @Test
    void servesTheServerCertificateWithTheApiKey() throws IOException {
        HttpResponse<String> answer = get(server(ca), KEY);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[]");
    }

    @Test
    void theRightCertificateWithoutTheRightKeyIsUnauthorized() throws IOException {
        HttpClient client = server(ca);
        for (String key : new String[] {null, "", "wrong", KEY + "x"}) {
            HttpResponse<String> answer = get(client, key);
            assertThat(answer.statusCode()).as("key %s", key).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void aCertificateOfTheCaThatIsNotTheServersIsForbidden() throws IOException {
        HttpClient node = LocalApiFixture.client(ca.identity("node-2"), ca);

        HttpResponse<String> answer = get(node, KEY);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("cluman-server");
    }

    @Test
    void noClientCertificateFailsTheHandshake() {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(TlsContexts.trusting(ca.certificate())).build();

        assertThatThrownBy(() -> get(anonymous, KEY)).isInstanceOf(IOException.class);
    }

    @Test
    void aCertificateFromAnotherCaFailsTheHandshake() {
        TestCa other = TestCa.create("other-ca");
        HttpClient impostor = HttpClient.newBuilder()
                .sslContext(TlsContexts.mutual(other.identity(LocalApiServer.SERVER_CN), ca.certificate())).build();

        assertThatThrownBy(() -> get(impostor, KEY)).isInstanceOf(IOException.class);
    }

    @Test
    void withoutCredentialsEveryHandshakeFails() {
        credentials.set(null);

        assertThatThrownBy(() -> get(server(ca), KEY)).isInstanceOf(IOException.class);
    }

    @Test
    void newConnectionsGetTheRenewedCertificate() throws IOException {
        X509Certificate first = presented(get(server(ca), KEY));
        assertThat(first).isEqualTo(credentials.get().certificate());

        credentials.set(credentials(ca));
        HttpResponse<String> renewed = get(server(ca), KEY);

        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(presented(renewed)).isEqualTo(credentials.get().certificate()).isNotEqualTo(first);
    }

    private static NodeCredentials credentials(TestCa ca) {
        return new NodeCredentials(ca.identity("node-1"), ca.certificate(), URI.create("https://127.0.0.1:1"), KEY);
    }

    private static HttpClient server(TestCa ca) {
        return LocalApiFixture.client(ca.identity(LocalApiServer.SERVER_CN), ca);
    }

    private static X509Certificate presented(HttpResponse<?> answer) throws IOException {
        return (X509Certificate) answer.sslSession().orElseThrow().getPeerCertificates()[0];
    }

    private HttpResponse<String> get(HttpClient client, String key) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + api.address() + PATH))
                .timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            request.header(LocalApiServer.API_KEY_HEADER, key);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
