package io.cluman.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.cluman.model.api.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** HTTP + JSON plumbing of {@link ClumanClient}: one request, a typed answer or an {@link ApiException}. */
final class Transport {
    private final Supplier<ClientEndpoint> endpoint;
    private final Duration timeout;

    Transport(HttpClient http, URI base, String token, Duration timeout) {
        this(constant(new ClientEndpoint(base, http, token)), timeout);
    }

    /** A transport that asks {@code endpoint} where to send each request. */
    Transport(Supplier<ClientEndpoint> endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    private static Supplier<ClientEndpoint> constant(ClientEndpoint fixed) {
        return () -> fixed;
    }

    /** Where the next request goes. */
    URI base() {
        return endpoint.get().base();
    }

    <T> T send(String method, String path, Object body, TypeReference<T> type) {
        return send(method, path, body, ClientJson.MAPPER.getTypeFactory().constructType(type), timeout);
    }

    <T> T send(String method, String path, Object body, Class<T> type) {
        return send(method, path, body, ClientJson.MAPPER.getTypeFactory().constructType(type), timeout);
    }

    /** As {@link #send(String, String, Object, Class)}, with its own time-out (for blocking queries). */
    <T> T send(String method, String path, Object body, Class<T> type, Duration requestTimeout) {
        return send(method, path, body, ClientJson.MAPPER.getTypeFactory().constructType(type), requestTimeout);
    }

    private <T> T send(String method, String path, Object body, JavaType type, Duration requestTimeout) {
        ClientEndpoint to = endpoint.get();
        HttpRequest request = request(to, path, requestTimeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(toJson(body)))
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<byte[]> response = exchange(to, request);
        checkStatus(response.statusCode(), response.body());
        if (type.getRawClass() == Void.class || response.body().length == 0) {
            return null;
        }
        try {
            return ClientJson.MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer from " + path, e);
        }
    }

    /** Opens a streaming GET of server-sent events (no timeout); the caller closes the stream. */
    InputStream stream(String path, Map<String, String> headers) {
        return stream(path, headers, "text/event-stream");
    }

    /** Opens a streaming GET of {@code accept} (no timeout); the caller closes the stream. */
    InputStream stream(String path, Map<String, String> headers, String accept) {
        ClientEndpoint to = endpoint.get();
        HttpRequest.Builder builder = request(to, path, null).GET().header("Accept", accept);
        headers.forEach(builder::header);
        try {
            HttpResponse<InputStream> response = to.http().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                try (InputStream in = response.body()) {
                    checkStatus(response.statusCode(), in.readAllBytes());
                }
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + to.base() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String query(Map<String, String> params) {
        List<String> parts = params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.Builder request(ClientEndpoint to, String path, Duration requestTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(to.base().resolve(path));
        if (requestTimeout != null) {
            builder.timeout(requestTimeout);
        }
        if (to.token() != null && !to.token().isEmpty()) {
            builder.header("Authorization", "Bearer " + to.token());
        }
        return builder;
    }

    private static HttpResponse<byte[]> exchange(ClientEndpoint to, HttpRequest request) {
        try {
            return to.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + to.base() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void checkStatus(int status, byte[] body) {
        if (status < 400) {
            return;
        }
        Problem problem;
        try {
            problem = ClientJson.MAPPER.readValue(body, Problem.class);
        } catch (IOException e) {
            problem = new Problem(null, "HTTP " + status, status, new String(body, StandardCharsets.UTF_8), null);
        }
        throw new ApiException(status, problem);
    }

    private static byte[] toJson(Object body) {
        try {
            return ClientJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
