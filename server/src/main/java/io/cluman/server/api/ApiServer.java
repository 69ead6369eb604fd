package io.cluman.server.api;

import io.cluman.server.security.Caller;
import io.cluman.server.security.TokenVerifier;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.util.List;
import io.cluman.server.tls.PemKeyStore;
import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP server of the API: Javalin on virtual threads, bodies limited to 1 MiB, bearer tokens
 * checked before every matched route against its {@link Access}, every successful mutation recorded by
 * {@link AuditTrail}, errors as problem+json, and the OpenAPI document plus Swagger UI.
 */
public final class ApiServer implements AutoCloseable {
    static final long MAX_BODY_BYTES = 1024 * 1024;
    static final int ACCEPT_QUEUE = 4096;
    private static final String SWAGGER_VERSION = "5.34.1";

    private final Javalin app;
    private final Routes routes;
    private static final String CALLER = "cluman.caller";
    /** The id of the node whose certificate came with an agent request. */
    static final String NODE = "cluman.node";
    private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final TokenVerifier tokens;
    private final NodeCertificates nodeCertificates;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final RequestLimits limits;
    private final boolean https;
    private volatile ServerConnector agentConnector;

    ApiServer(TokenVerifier tokens, NodeCertificates nodeCertificates, AuditTrail audit, InstantSource clock,
              String host, int port, ApiOptions options, AgentConnector agents) {
        this.tokens = tokens;
        this.nodeCertificates = nodeCertificates;
        this.audit = audit;
        this.clock = clock;
        this.limits = new RequestLimits(options, clock);
        this.https = options.tls().isOn();
        Optional<KeyStore> keys = options.tls().keyStore();
        this.app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = true;
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(ApiJson.MAPPER, true));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/ui";
                files.directory = "/ui";
                files.location = Location.CLASSPATH;
            });
            // Jetty keeps a 96 KiB header cache per connection by default: 1 GB for 10,000 agents.
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            cfg.jetty.addConnector((server, http) -> listener(server, http, host, port, keys));
            cfg.jetty.addConnector((server, http) -> agentConnector = agents.create(server, http));
        });
        this.routes = new Routes(app);
        app.beforeMatched("/v1/agent/join", ctx -> limits.countJoin(ctx));
        app.beforeMatched(this::authenticate);
        app.afterMatched(this::recordMutation);
        ProblemMapper.install(app, routes);
    }

    /** The caller a token route was called by; set by {@link #authenticate} before the handler runs. */
    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    Routes routes() {
        return routes;
    }

    /** Adds the documentation routes; call after every other route is registered. */
    void documentRoutes(String version) {
        routes.get("/openapi.json", Access.PUBLIC, "server", "This document")
                .handle(ctx -> ctx.contentType("application/json")
                        .result(ApiJson.MAPPER.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(OpenApiDocument.build(routes.docs(), version))));
        routes.get("/", Access.PUBLIC, "server", "The web UI (it logs in with an API token)")
                .contentType("text/html").handle(ctx -> ctx.html(WebUi.indexPage()));
        routes.get("/swagger-ui.html", Access.PUBLIC, "server", "Swagger UI over /openapi.json")
                .contentType("text/html").handle(ctx -> ctx.html(swaggerPage()));
    }

    /** Every route Javalin serves, as "METHOD path", for the test that all are documented. */
    public List<String> servedRoutes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath()).toList();
    }

    public List<RouteDoc> documentedRoutes() {
        return routes.docs();
    }

    /**
     * The listening connector: a deep accept queue, so a join storm waits instead of being refused; HTTPS
     * only when there are {@code keys}.
     */
    private static ServerConnector listener(Server server, HttpConfiguration http, String host, int port,
                                            Optional<KeyStore> keys) {
        ServerConnector connector;
        if (keys.isPresent()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(keys.get());
            tls.setKeyStorePassword(PemKeyStore.PASSWORD);
            // clients reach servers by IP address as often as by name: the certificate's SANs decide, not SNI
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    void start() {
        app.start();
    }

    public int port() {
        return app.port();
    }

    /** The port of the agent listener (mutual TLS). */
    public int agentPort() {
        return agentConnector.getLocalPort();
    }

    /** Whether the port speaks HTTPS (and only HTTPS). */
    public boolean https() {
        return https;
    }

    private void authenticate(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.PUBLIC) || roles.contains(Access.JOIN)) {
            return;
        }
        if (roles.contains(Access.AGENT)) {
            ctx.attribute(NODE, nodeCertificates.require(ctx));
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError.Unauthorized("send 'Authorization: Bearer <token>'; on the server's machine the admin"
                    + " token is in the data dir's admin.token file");
        }
        Optional<Caller> caller = tokens.callerOf(header.substring(7).strip());
        Access access = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                .orElse(Access.ADMIN);
        try {
            AccessCheck.require(caller, access, clock.instant());
        } catch (ApiError.Unauthorized refused) {
            throw limits.authFailed(ctx, refused);
        }
        ctx.attribute(CALLER, caller.get());
    }

    /** The audit event of a successful mutation; the agent protocol's steady traffic is not audited. */
    private void recordMutation(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null || !MUTATIONS.contains(ctx.method().name()) || ctx.routeRoles().contains(Access.AGENT)
                || ctx.statusCode() >= 300) {
            return;
        }
        audit.record(caller.name(), ctx.method().name(), ctx.path(), ctx.ip(), ctx.statusCode());
    }

    private static String swaggerPage() {
        String base = "/webjars/swagger-ui/" + SWAGGER_VERSION + "/";
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Cluman API</title>"
                + "<link rel=\"stylesheet\" href=\"" + base + "swagger-ui.css\"></head><body><div id=\"ui\"></div>"
                + "<script src=\"" + base + "swagger-ui-bundle.js\"></script><script>"
                + "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#ui', persistAuthorization: true});"
                + "</script></body></html>";
    }

    @Override
    public void close() {
        app.stop();
    }
}
