package io.cluman.server.agents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cluman.model.api.ContainerStats;
import io.cluman.model.api.LogQuery;
import io.cluman.model.api.Problem;
import io.cluman.model.api.UnmanagedContainer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A client of agents' local APIs ({@code https://<apiAddress>/v1/local/...}) over mutual TLS: it presents
 * the server's certificate, trusts only agents' certificates from the cluster CA, and sends the node's local
 * API key. Connecting gives up after 2 s; a JSON answer after its caller's timeout; a log stream
 * after 10 s without its headers, then lasts as long as the agent sends. Thread-safe; one per server.
 *
 * <p>Every failure is a {@link Failure}: {@code status} 0 when the agent did not answer, else the
 * agent's status with its problem's detail.
 */
public final class AgentLink implements AutoCloseable {
    /** How long a JSON call may take unless its caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration STREAM_HEADERS = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The header that carries a node's local API key. */
    public static final String API_KEY_HEADER = "X-Cluman-Api-Key";

    private final Function<String, String> apiKeyOf;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    /**
     * @param tls      presents the server's certificate (CN {@code cluman-server}) and trusts only the cluster CA
     * @param apiKeyOf the local API key of a node, by node id
     */
    public AgentLink(SSLContext tls, Function<String, String> apiKeyOf) {
        this.apiKeyOf = apiKeyOf;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).executor(executor).sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The agent could not be asked, or refused. */
    public static final class Failure extends RuntimeException {
        private final int status;

        Failure(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The agent's HTTP status; 0 when it did not answer at all. */
        public int status() {
            return status;
        }
    }

    /** The output of allocation {@code allocId}'s task as a stream of lines; the caller closes it. */
    public InputStream logs(String nodeId, String apiAddress, String allocId, LogQuery query) {
        HttpResponse<InputStream> answer = send(request(nodeId, apiAddress, "tasks/" + segment(allocId) + "/logs"
                + query.toQueryString(), STREAM_HEADERS), HttpResponse.BodyHandlers.ofInputStream(), apiAddress);
        if (answer.statusCode() != 200) {
            try (InputStream body = answer.body()) {
                throw refusal(answer.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw new Failure(answer.statusCode(), "HTTP " + answer.statusCode(), e);
            }
        }
        return answer.body();
    }

    /** One sample of the task's resource use, within {@code timeout}. */
    public ContainerStats stats(String nodeId, String apiAddress, String allocId, Duration timeout) {
        return json(nodeId, apiAddress, "tasks/" + segment(allocId) + "/stats", timeout, new TypeReference<>() { });
    }

    /** What runs on the node's engines without Cluman's labels. */
    public List<UnmanagedContainer> unmanaged(String nodeId, String apiAddress) {
        return json(nodeId, apiAddress, "unmanaged", DEFAULT_TIMEOUT, new TypeReference<>() { });
    }

    /** The labels of {@code image} on the node's engine; empty when the engine does not have it (404). */
    public Optional<Map<String, String>> imageLabels(String nodeId, String apiAddress, String image,
                                                     Duration timeout) {
        try {
            return Optional.of(json(nodeId, apiAddress, "images/labels?image=" + segment(image), timeout,
                    new TypeReference<Map<String, String>>() { }));
        } catch (Failure e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> T json(String nodeId, String apiAddress, String path, Duration timeout, TypeReference<T> type) {
        HttpResponse<byte[]> answer = send(request(nodeId, apiAddress, path, timeout), HttpResponse.BodyHandlers.ofByteArray(),
                apiAddress);
        if (answer.statusCode() != 200) {
            throw refusal(answer.statusCode(), answer.body());
        }
        try {
            return JSON.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new Failure(502, "the agent at " + apiAddress + " answered what is not " + type.getType()
                    + ": " + e.getMessage(), e);
        }
    }

    private HttpRequest request(String nodeId, String apiAddress, String path, Duration timeout) {
        URI uri;
        try {
            uri = URI.create("https://" + apiAddress + "/v1/local/" + path);
        } catch (IllegalArgumentException e) {
            throw new Failure(0, "'" + apiAddress + "' is not an address the server can call", e);
        }
        return HttpRequest.newBuilder(uri).timeout(timeout).header(API_KEY_HEADER, apiKeyOf.apply(nodeId)).GET()
                .build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String apiAddress) {
        try {
            return http.send(request, body);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Failure(0, "no answer from " + apiAddress + " within " + request.timeout().orElse(CONNECT)
                    .toMillis() + " ms", e);
        } catch (java.net.ConnectException e) {
            throw new Failure(0, "cannot reach " + apiAddress + ": connection refused (is the agent running, and"
                    + " its local API listening there?)", e);
        } catch (IOException e) {
            throw new Failure(0, "cannot reach " + apiAddress + ": " + (e.getMessage() == null ? e.toString()
                    : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, "interrupted while asking " + apiAddress, e);
        }
    }

    private static Failure refusal(int status, byte[] body) {
        String detail;
        try {
            detail = JSON.readValue(body, Problem.class).detail();
        } catch (IOException e) {
            detail = new String(body, StandardCharsets.UTF_8);
        }
        return new Failure(status, detail == null || detail.isBlank() ? "HTTP " + status : detail, null);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
