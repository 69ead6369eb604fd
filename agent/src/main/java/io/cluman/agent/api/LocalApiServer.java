package io.cluman.agent.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cluman.agent.driver.DriverSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's local API over the JDK's HTTP server, one virtual thread per request (a followed log holds
 * its thread until it ends). Every request must carry {@code Authorization: Bearer <the join token>}, the
 * token the server knows; anything else gets 401. (Mutual TLS with the server's client certificate comes
 * with the security work.) What it serves is {@link LocalEndpoints}'.
 *
 * <p>The constructor does no I/O; {@link #start()} binds. {@link #close()} stops listening and ends open
 * log streams; it never touches tasks.
 */
public final class LocalApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);

    private final LocalApiConfig config;
    private final byte[] expected;
    private final LocalEndpoints endpoints;
    private final Supplier<String> hostAddress;
    private volatile boolean closed;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile String address = "";

    /**
     * @param token       the join token: the one bearer token accepted
     * @param tasks       finds an allocation's task
     * @param drivers     the node's drivers (logs, stats, unmanaged objects, image labels)
     * @param hostAddress this host's address, advertised when bound to every interface without
     *                    {@code --advertise}
     */
    public LocalApiServer(LocalApiConfig config, String token, TaskLookup tasks, DriverSet drivers,
                          Supplier<String> hostAddress) {
        this.config = config;
        this.expected = sha256("Bearer " + token);
        this.endpoints = new LocalEndpoints(tasks, drivers, () -> closed);
        this.hostAddress = hostAddress;
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound (port in use, no such interface)
     */
    public void start() {
        InetSocketAddress at = new InetSocketAddress(config.bind(), config.port());
        HttpServer http;
        try {
            http = HttpServer.create(at, 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the local API on " + config.bind() + ":" + config.port()
                    + " (" + e.getMessage() + "): free the port or choose another with --api-port", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        server = http;
        address = AdvertisedAddress.of(config, http.getAddress().getPort(), hostAddress);
        LOG.info("local API listening on {}:{}, advertised as {}", config.bind(), http.getAddress().getPort(),
                address);
    }

    /** The {@code host:port} the server should call; empty before {@link #start()}. */
    public String address() {
        return address;
    }

    /** The port bound; 0 before {@link #start()}. */
    public int port() {
        HttpServer http = server;
        return http == null ? 0 : http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            LocalExchange ex = new LocalExchange(exchange);
            String header = ex.header("Authorization");
            if (header == null || !MessageDigest.isEqual(sha256(header.strip()), expected)) {
                ex.problem(401, "Unauthorized", "send 'Authorization: Bearer <the join token>': only the Cluman"
                        + " server calls the agent's local API", List.of());
                return;
            }
            endpoints.serve(ex);
        } catch (IOException | RuntimeException e) {
            LOG.debug("local API {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    /**
     * The digest compared instead of the header itself: {@link MessageDigest#isEqual} takes the same time
     * for any two 32-byte digests, so neither the token's bytes nor its length leak through timing.
     */
    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Stops listening and ends open log streams. Tasks keep running. Idempotent. */
    @Override
    public void close() {
        closed = true;
        HttpServer http = server;
        if (http != null) {
            http.stop(0);
        }
        ExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
        }
    }
}
