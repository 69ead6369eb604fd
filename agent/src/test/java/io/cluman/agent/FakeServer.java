package io.cluman.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.node.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny stand-in for the server's agent endpoints on 127.0.0.1: answers joins and heartbeats, records
 * them, and fails on request ({@link #failJoins}, {@link #failHeartbeats}). Thread-safe.
 */
public final class FakeServer implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One heartbeat as received, with the server's monotonic arrival time. */
    public record Beat(HeartbeatRequest request, long arrivedNanos) {
    }

    private final HttpServer http;
    private final String token;
    private final List<JoinRequest> joins = new CopyOnWriteArrayList<>();
    private final List<Beat> beats = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> joinFailures = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Integer> heartbeatFailures = new ConcurrentLinkedDeque<>();
    private final AtomicInteger joinAttempts = new AtomicInteger();
    private final AtomicInteger heartbeatAttempts = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicLong joinIntervalMillis = new AtomicLong(5000);
    private final AtomicLong heartbeatIntervalMillis = new AtomicLong(5000);

    public FakeServer(String token) {
        this.token = token;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/v1/agent/join", this::join);
        http.createContext("/v1/agent/heartbeat", this::heartbeat);
        http.start();
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** The interval the join reply asks for. */
    public FakeServer joinInterval(long millis) {
        joinIntervalMillis.set(millis);
        return this;
    }

    /** The interval heartbeat replies ask for. */
    public FakeServer heartbeatInterval(long millis) {
        heartbeatIntervalMillis.set(millis);
        return this;
    }

    /** The next {@code times} joins are answered with {@code status}. */
    public FakeServer failJoins(int status, int times) {
        for (int i = 0; i < times; i++) {
            joinFailures.add(status);
        }
        return this;
    }

    /** The next {@code times} heartbeats are answered with {@code status}. */
    public FakeServer failHeartbeats(int status, int times) {
        for (int i = 0; i < times; i++) {
            heartbeatFailures.add(status);
        }
        return this;
    }

    public List<JoinRequest> joins() {
        return List.copyOf(joins);
    }

    public List<Beat> beats() {
        return List.copyOf(beats);
    }

    public int joinAttempts() {
        return joinAttempts.get();
    }

    public int heartbeatAttempts() {
        return heartbeatAttempts.get();
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void join(HttpExchange exchange) throws IOException {
        joinAttempts.incrementAndGet();
        Integer failure = authorized(exchange) ? joinFailures.poll() : Integer.valueOf(401);
        if (failure != null) {
            problem(exchange, failure);
            return;
        }
        JoinRequest request = JSON.readValue(exchange.getRequestBody(), JoinRequest.class);
        joins.add(request);
        String id = request.nodeId() != null ? request.nodeId() : "node-" + nextId.getAndIncrement();
        reply(exchange, 200, new JoinResponse(id, request.name(), joinIntervalMillis.get()));
    }

    private void heartbeat(HttpExchange exchange) throws IOException {
        heartbeatAttempts.incrementAndGet();
        Integer failure = authorized(exchange) ? heartbeatFailures.poll() : Integer.valueOf(401);
        if (failure != null) {
            problem(exchange, failure);
            return;
        }
        HeartbeatRequest request = JSON.readValue(exchange.getRequestBody(), HeartbeatRequest.class);
        beats.add(new Beat(request, System.nanoTime()));
        reply(exchange, 200, new HeartbeatResponse(heartbeatIntervalMillis.get(), NodeState.ACTIVE));
    }

    private boolean authorized(HttpExchange exchange) {
        return ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void problem(HttpExchange exchange, int status) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] body = JSON.writeValueAsBytes(Map.of("title", "fake failure", "status", status));
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void reply(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body = JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
