package io.cluman.agent.api;

import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
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
 * A local API on loopback over one real driver, the tasks a test starts through it, and raw HTTP calls
 * with any token, as the server makes them. Closing it closes the API, removes the tasks and closes the driver.
 */
final class LocalApiFixture implements AutoCloseable {
    static final String TOKEN = "join-secret";

    private final TaskDriver driver;
    private final Map<String, TaskHandle> tasks = new ConcurrentHashMap<>();
    private final LocalApiServer api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    LocalApiFixture(TaskDriver driver) {
        this.driver = driver;
        DriverSet drivers = new DriverSet(List.of(driver));
        drivers.detect();
        api = new LocalApiServer(LocalApiConfig.LOOPBACK_EPHEMERAL, TOKEN, id -> Optional.ofNullable(tasks.get(id)),
                drivers, () -> "192.0.2.1");
        api.start();
        base = "http://" + api.address();
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
        return send(path, token, HttpResponse.BodyHandlers.ofString());
    }

    /** A streaming GET: the answer comes as soon as its headers do. */
    HttpResponse<InputStream> stream(String path, String token) {
        return send(path, token, HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> send(String path, String token, HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), body);
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
