package io.cluman.bench;

import io.cluman.server.ServerWiring;
import io.cluman.server.api.ApiServer;
import io.javalin.Javalin;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Experiments on the bench server only: changes Jetty settings the product does not expose, reaching
 * the Javalin instance inside {@link ApiServer} by reflection, so a suspected server fix can be
 * measured before anyone changes the server. Never used unless asked for on the command line.
 *
 * @param headerCacheSize Jetty's per-connection header field cache ({@code HttpConfiguration
 *                        .setHeaderCacheSize}, Jetty's default 1024; 0 turns it off); negative: unchanged
 * @param acceptQueueSize the listening socket's backlog ({@code ServerConnector.setAcceptQueueSize},
 *                        Jetty's default 0, which the JDK turns into 50); 0 or less: unchanged
 */
record JettyExperiment(int headerCacheSize, int acceptQueueSize) {
    static final JettyExperiment NONE = new JettyExperiment(-1, 0);

    boolean isNone() {
        return headerCacheSize < 0 && acceptQueueSize <= 0;
    }

    /** Applies the settings; the port the API listens on afterwards (re-bound when the backlog changed). */
    int apply(ServerWiring server) throws Exception {
        int port = server.port();
        if (isNone()) {
            return port;
        }
        Field app = ApiServer.class.getDeclaredField("app");
        app.setAccessible(true);
        Javalin javalin = (Javalin) app.get(server.api());
        for (Connector connector : javalin.jettyServer().server().getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (headerCacheSize >= 0 && http != null) {
                http.getHttpConfiguration().setHeaderCacheSize(headerCacheSize);
            }
            if (acceptQueueSize > 0 && connector instanceof ServerConnector listening) {
                listening.stop();
                listening.setAcceptQueueSize(acceptQueueSize);
                listening.start();
                port = listening.getLocalPort();
            }
        }
        return port;
    }

    /** The arguments that ask {@link BenchServerMain} for this experiment. */
    java.util.List<String> arguments() {
        return isNone() ? java.util.List.of() : java.util.List.of("--jetty-header-cache",
                Integer.toString(headerCacheSize), "--jetty-accept-queue", Integer.toString(acceptQueueSize));
    }
}
