package io.cluman.server;

import io.cluman.client.ClumanClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/** A real server on a free loopback port, embedded store in a temp dir, for API tests. */
public final class TestServer implements AutoCloseable {
    private final ServerWiring wiring;
    private final HttpClient http = HttpClient.newHttpClient();

    public TestServer(Path dataDir) {
        this(ServerConfig.defaults(dataDir).withPort(0).withOffAfter(Duration.ofSeconds(3)));
    }

    public TestServer(ServerConfig config) {
        this.wiring = ServerWiring.start(config, InstantSource.system());
    }

    public ServerWiring wiring() {
        return wiring;
    }

    public ClumanClient admin() {
        return ClumanClient.connect(wiring.url(), wiring.adminToken());
    }

    public ClumanClient agent() {
        return ClumanClient.connect(wiring.url(), wiring.joinToken());
    }

    /** A raw request with the admin token, for bodies the client would never send. */
    public HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, wiring.adminToken());
    }

    public HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(wiring.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        FakeAgents.forget(wiring.api().agentPort());
        wiring.close();
    }
}
