package io.cluman.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server with canned answers per {@code METHOD path}, recording what it was sent: enough to
 * check what the commands send and print without a real Cluman server.
 */
public final class FakeServer implements AutoCloseable {
    public record Answer(int status, String body) {
    }

    public record Request(String method, String uri, String authorization, String body) {
    }

    private final HttpServer http;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A started server, for a field initialiser. */
    public static FakeServer started() {
        try {
            return new FakeServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public FakeServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.start();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Runs {@code cluman GROUP SUB --addr <this> --token secret REST...} against this server. */
    public Run run(String group, String sub, String... rest) {
        List<String> all = new ArrayList<>(List.of(group, sub, "--addr", url(), "--token", "secret"));
        all.addAll(List.of(rest));
        return Run.of(all.toArray(String[]::new));
    }

    /** Answers {@code METHOD path} (query included) with these, in turn; the last one repeats. */
    public FakeServer on(String methodAndPath, int status, String... bodies) {
        Deque<Answer> queue = answers.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>());
        for (String body : bodies) {
            queue.add(new Answer(status, body));
        }
        return this;
    }

    /** Answers {@code METHOD path} with the server's 404 problem saying {@code detail}. */
    public FakeServer notFound(String methodAndPath, String detail) {
        return on(methodAndPath, 404,
                "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"" + detail + "\"}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Deque<Answer> queue = answers.get(key);
        Answer answer;
        if (queue == null || queue.isEmpty()) {
            answer = new Answer(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no fake answer for " + key
                    + "\"}");
        } else {
            answer = queue.size() > 1 ? queue.removeFirst() : queue.peekFirst();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
