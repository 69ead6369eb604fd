package io.cluman.agent.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.tls.CommonName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's local API over the JDK's HTTPS server, one virtual thread per request (a followed log holds
 * its thread until it ends). Only the Cluman server gets in, checked twice:
 * <ol>
 *   <li>mutual TLS: the API presents the node certificate, requires a client certificate and trusts only the
 *       cluster CA (a client without one, or with one from another CA, fails the handshake); the client
 *       certificate's subject CN must be {@value #SERVER_CN}, else 403;</li>
 *   <li>the header {@code X-Cluman-Api-Key} must be the node's local API key (constant-time comparison), else
 *       401.</li>
 * </ol>
 * Both come with the node's credentials, from its first join on: before that every handshake fails. The
 * TLS context follows the credentials ({@link LocalApiTls}), so after a renewal new connections get the new
 * certificate. What it serves is {@link LocalEndpoints}'.
 *
 * <p>The constructor does no I/O; {@link #start()} binds. {@link #close()} stops listening and ends open
 * log streams; it never touches tasks.
 */
public final class LocalApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);
    /** The subject CN of the server's client certificate. */
    public static final String SERVER_CN = "cluman-server";
    /** The header carrying the local API key. */
    public static final String API_KEY_HEADER = "X-Cluman-Api-Key";

    private final LocalApiConfig config;
    private final Supplier<Optional<NodeCredentials>> credentials;
    private final LocalEndpoints endpoints;
    private final Supplier<String> hostAddress;
    private volatile boolean closed;
    private volatile HttpsServer server;
    private volatile ExecutorService executor;
    private volatile String address = "";

    /**
     * @param credentials the node's credentials: certificate, CA and API key; empty before the first join
     * @param tasks       finds an allocation's task
     * @param drivers     the node's drivers (logs, stats, unmanaged objects, image labels)
     * @param hostAddress this host's address, advertised when bound to every interface without
     *                    {@code --advertise}
     */
    public LocalApiServer(LocalApiConfig config, Supplier<Optional<NodeCredentials>> credentials, TaskLookup tasks,
                          DriverSet drivers, Supplier<String> hostAddress) {
        this.config = config;
        this.credentials = credentials;
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
        HttpsServer http;
        try {
            http = HttpsServer.create(at, 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the local API on " + config.bind() + ":" + config.port()
                    + " (" + e.getMessage() + "): free the port or choose another with --api-port", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.setHttpsConfigurator(new MutualTls(LocalApiTls.following(credentials)));
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
        HttpsServer http = server;
        return http == null ? 0 : http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            LocalExchange ex = new LocalExchange(exchange);
            if (!fromServer((HttpsExchange) exchange)) {
                ex.problem(403, "Forbidden", "only the Cluman server's certificate (CN=" + SERVER_CN + ") may call"
                        + " the agent's local API", List.of());
                return;
            }
            if (!keyMatches(ex.header(API_KEY_HEADER))) {
                ex.problem(401, "Unauthorized", "send '" + API_KEY_HEADER + ": <the node's local API key>': only the"
                        + " Cluman server calls the agent's local API", List.of());
                return;
            }
            endpoints.serve(ex);
        } catch (IOException | RuntimeException e) {
            LOG.debug("local API {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    /** Whether the client certificate (the handshake verified its chain) names the server. */
    private static boolean fromServer(HttpsExchange exchange) {
        try {
            Certificate[] peer = exchange.getSSLSession().getPeerCertificates();
            return peer.length > 0 && peer[0] instanceof X509Certificate leaf
                    && CommonName.of(leaf).filter(SERVER_CN::equals).isPresent();
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private boolean keyMatches(String header) {
        Optional<NodeCredentials> now = credentials.get();
        return header != null && now.isPresent() && MessageDigest.isEqual(
                header.strip().getBytes(StandardCharsets.UTF_8), now.get().localApiKey().getBytes(StandardCharsets.UTF_8));
    }

    /** TLS 1.3 with a client certificate required. */
    private static final class MutualTls extends HttpsConfigurator {
        MutualTls(SSLContext context) {
            super(context);
        }

        @Override
        public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setNeedClientAuth(true);
            params.setSSLParameters(parameters);
        }
    }

    /** Stops listening and ends open log streams. Tasks keep running. Idempotent. */
    @Override
    public void close() {
        closed = true;
        HttpsServer http = server;
        if (http != null) {
            http.stop(0);
        }
        ExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
        }
    }
}
