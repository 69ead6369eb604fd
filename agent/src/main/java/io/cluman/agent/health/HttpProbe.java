package io.cluman.agent.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Passes when {@code GET uri} (a task's port on this node, or a cluster check's URL) answers 2xx or 3xx (redirects are not followed)
 * within the timeout. One HTTP client serves every probe of the agent: a client keeps a selector
 * thread, which a client per task would multiply.
 */
public record HttpProbe(URI uri) implements HealthProbe {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    static HttpProbe of(int port, String path) {
        return new HttpProbe(URI.create("http://127.0.0.1:" + port + path));
    }

    @Override
    public ProbeResult run(Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "cluman-health")
                .GET().build();
        try {
            int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 400 ? ProbeResult.pass()
                    : ProbeResult.fail("GET " + uri + " answered " + status);
        } catch (ConnectException e) {
            return ProbeResult.fail("GET " + uri + " failed: cannot connect (" + (e.getMessage() == null
                    ? "connection refused" : e.getMessage()) + ")");
        } catch (IOException e) {
            return ProbeResult.fail("GET " + uri + " failed: " + (e.getMessage() == null ? e.toString()
                    : e.getMessage()));
        }
    }
}
