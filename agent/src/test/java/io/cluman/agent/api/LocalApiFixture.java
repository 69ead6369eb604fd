package io.cluman.agent.api;

import io.cluman.agent.TestCa;
import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local API on loopback over one real driver, with node credentials from a test CA, the tasks a test starts
 * through it, and raw HTTPS calls with any API key, as the server makes them (client certificate
 * {@code CN=cluman-server} from the same CA, unless a test passes its own client). Closing it closes the API,
 * removes the tasks and closes the driver.
 */
final class LocalApiFixture implements AutoCloseable {
    /** The node's local API key. */
    static final String TOKEN = "local-api-key";

    private final TaskDriver driver;
    private final Map<String, TaskHandle> tasks = new ConcurrentHashMap<>();
    private final LocalApiServer api;
    private final TestCa ca = TestCa.create("cluster-ca");
    private final HttpClient http = client(ca.identity(LocalApiServer.SERVER_CN), ca);
    private final String base;

    LocalApiFixture(TaskDriver driver) {
        this.driver = driver;
        DriverSet drivers = new DriverSet(List.of(driver));
        drivers.detect();
        NodeCredentials credentials = new NodeCredentials(ca.identity("node-1"), ca.certificate(),
                URI.create("https://127.0.0.1:1"), TOKEN);
        api = new LocalApiServer(LocalApiConfig.LOOPBACK_EPHEMERAL, () -> Optional.of(credentials),
                id -> Optional.ofNullable(tasks.get(id)), drivers, () -> "192.0.2.1");
        api.start();
        base = "https://" + api.address();
    }

    /** An HTTP client presenting {@code identity} and trusting {@code trusted}'s certificates. */
    static HttpClient client(TlsIdentity identity, TestCa trusted) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsContexts.mutual(identity, trusted.certificate())).build();
    }

    TestCa ca() {
        return ca;
    }

    LocalApiServer api() {
        return api;
    }

    /** Starts a task the API will know by its allocation id. */
    TaskHandle start(TaskRequest request) {
        TaskHandle handle = driver.start(request);
        tasks.put(request.allocId(), handle);
        return handle;
    }

    HttpResponse<String> get(String path, String token) {
        return send(http, path, token, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET through {@code client}; IOException when the handshake fails. */
    HttpResponse<String> get(HttpClient client, String path, String token) throws IOException {
        try {
            return client.send(request(path, token), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A streaming GET: the answer comes as soon as its headers do. */
    HttpResponse<InputStream> stream(String path, String token) {
        return send(http, path, token, HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header(LocalApiServer.API_KEY_HEADER, token);
        }
        return request.build();
    }

    private <T> HttpResponse<T> send(HttpClient client, String path, String token, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request(path, token), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        api.close();
        tasks.values().forEach(h -> {
            driver.stop(h, Duration.ofSeconds(1), "KILL");
            driver.destroy(h);
        });
        driver.close();
    }
}
