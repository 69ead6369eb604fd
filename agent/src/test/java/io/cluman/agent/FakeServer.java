package io.cluman.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cluman.client.tls.CommonName;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.agent.RenewRequest;
import io.cluman.model.agent.RenewResponse;
import io.cluman.model.node.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A tiny stand-in for the server's agent endpoints on 127.0.0.1: answers joins and heartbeats, records
 * them, and fails on request ({@link #failJoins}, {@link #failHeartbeats}). Thread-safe.
 *
 * <p>{@link #withCa} makes it a server with a cluster CA: joins with the token sign the request's CSR (the
 * certificate's CN is the node id) and answer with the CA, the agent port and a local API key; a second,
 * mutual-TLS listener (the agent port: client certificate required, only the CA trusted, no token) answers
 * joins, heartbeats and renewals ({@link #certificateLifetime}). Every request is recorded as a {@link Call}.
 */
public final class FakeServer implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One heartbeat as received, with the server's monotonic arrival time and the client certificate. */
    public record Beat(HeartbeatRequest request, long arrivedNanos, X509Certificate peer) {
    }

    /**
     * One request: its path, its {@code Authorization} header (null: none) and the client certificate
     * (null: the plain listener).
     */
    public record Call(String path, String authorization, X509Certificate peer) {
    }

    /** The local API key join replies carry. */
    public static final String LOCAL_API_KEY = "local-api-key-1";

    private final HttpServer http;
    private final HttpsServer agentPort;
    private final TestCa ca;
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicReference<Duration> lifetime = new AtomicReference<>(Duration.ofDays(1));
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
        this(token, null);
    }

    private FakeServer(String token, TestCa ca) {
        this.token = token;
        this.ca = ca;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            agentPort = ca == null ? null : HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve(http);
        if (agentPort != null) {
            agentPort.setHttpsConfigurator(new HttpsConfigurator(
                    TlsContexts.mutual(ca.identity("cluman-server"), ca.certificate())) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            serve(agentPort);
            agentPort.createContext("/v1/agent/renew", this::renew);
        }
    }

    /** A server with the cluster CA {@code ca} and a mutual-TLS agent port. */
    public static FakeServer withCa(String token, TestCa ca) {
        return new FakeServer(token, ca);
    }

    private void serve(HttpServer server) {
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/agent/join", this::join);
        server.createContext("/v1/agent/heartbeat", this::heartbeat);
        server.start();
    }

    /** The mutual-TLS agent port; 0 without a CA. */
    public int agentPort() {
        return agentPort == null ? 0 : agentPort.getAddress().getPort();
    }

    /** How long the certificates it signs from now on are valid. */
    public FakeServer certificateLifetime(Duration value) {
        lifetime.set(value);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
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
        if (agentPort != null) {
            agentPort.stop(0);
        }
    }

    private void join(HttpExchange exchange) throws IOException {
        joinAttempts.incrementAndGet();
        X509Certificate peer = record(exchange);
        Integer failure = authorized(exchange, peer) ? joinFailures.poll() : Integer.valueOf(401);
        if (failure != null) {
            problem(exchange, failure);
            return;
        }
        JoinRequest request = JSON.readValue(exchange.getRequestBody(), JoinRequest.class);
        joins.add(request);
        String id = peer != null ? CommonName.of(peer).orElseThrow()
                : request.nodeId() != null ? request.nodeId() : "node-" + nextId.getAndIncrement();
        if (ca == null || request.csr() == null) {
            reply(exchange, 200, new JoinResponse(id, request.name(), joinIntervalMillis.get()));
            return;
        }
        X509Certificate cert = ca.sign(request.csr(), id, lifetime.get());
        reply(exchange, 200, new JoinResponse(id, request.name(), joinIntervalMillis.get(), Pem.certificate(cert),
                Pem.certificate(ca.certificate()), agentPort(), null, LOCAL_API_KEY));
    }

    private void renew(HttpExchange exchange) throws IOException {
        X509Certificate peer = record(exchange);
        RenewRequest request = JSON.readValue(exchange.getRequestBody(), RenewRequest.class);
        X509Certificate cert = ca.sign(request.csr(), CommonName.of(peer).orElseThrow(), lifetime.get());
        reply(exchange, 200, new RenewResponse(Pem.certificate(cert), Pem.certificate(ca.certificate())));
    }

    /** Records the call; the client certificate, null on the plain listener. */
    private X509Certificate record(HttpExchange exchange) {
        X509Certificate peer = null;
        if (exchange instanceof HttpsExchange tls) {
            try {
                peer = (X509Certificate) tls.getSSLSession().getPeerCertificates()[0];
            } catch (SSLPeerUnverifiedException e) {
                throw new IllegalStateException("the agent port requires a client certificate", e);
            }
        }
        calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                peer));
        return peer;
    }

    private void heartbeat(HttpExchange exchange) throws IOException {
        heartbeatAttempts.incrementAndGet();
        X509Certificate peer = record(exchange);
        Integer failure = authorized(exchange, peer) ? heartbeatFailures.poll() : Integer.valueOf(401);
        if (failure != null) {
            problem(exchange, failure);
            return;
        }
        HeartbeatRequest request = JSON.readValue(exchange.getRequestBody(), HeartbeatRequest.class);
        beats.add(new Beat(request, System.nanoTime(), peer));
        reply(exchange, 200, new HeartbeatResponse(heartbeatIntervalMillis.get(), NodeState.ACTIVE));
    }

    /** Over the agent port the client certificate is the credential; elsewhere the join token. */
    private boolean authorized(HttpExchange exchange, X509Certificate peer) {
        return peer != null || ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
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
