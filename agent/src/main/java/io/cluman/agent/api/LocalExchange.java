package io.cluman.agent.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import io.cluman.model.api.Problem;
import io.cluman.model.validation.FieldError;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request to the local API and the ways to answer it: JSON, problem+json, or a stream of text lines. */
final class LocalExchange {
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final HttpExchange exchange;
    private final Map<String, String> query;

    LocalExchange(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parse(exchange.getRequestURI().getRawQuery());
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** A query parameter, decoded; null when absent. */
    String query(String name) {
        return query.get(name);
    }

    void json(int status, Object body) throws IOException {
        send(status, "application/json", bytes(body));
    }

    void problem(int status, String title, String detail, List<FieldError> errors) throws IOException {
        send(status, "application/problem+json", bytes(new Problem(null, title, status, detail, errors)));
    }

    /** Sends 200 with a chunked {@code text/plain} body; the caller writes lines and closes the stream. */
    OutputStream startText() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private void send(int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
