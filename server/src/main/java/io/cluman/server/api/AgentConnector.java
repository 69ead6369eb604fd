package io.cluman.server.api;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The agent port: TLS with the server's certificate from the cluster CA, asking every client for a
 * certificate and trusting only the cluster CA's (a certificate from another CA fails the handshake). A
 * client without one is let through TLS for {@code POST /v1/agent/join} with a join token; every other
 * agent route refuses it ({@link NodeCertificates}).
 *
 * @param host where it listens
 * @param port 0: any free port
 * @param tls  the server's identity and the cluster CA as trust ({@code TlsContexts.mutual})
 */
public record AgentConnector(String host, int port, SSLContext tls) {
    /** The Jetty connector, sharing the people port's HTTP settings. */
    ServerConnector create(Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        ssl.setWantClientAuth(true);
        ssl.setSniRequired(false);
        ssl.setEndpointIdentificationAlgorithm(null);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        // TLS records are sealed and opened on the selector threads: one per core, not Jetty's default of half
        ServerConnector connector = new ServerConnector(server, -1, SELECTORS,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ApiServer.ACCEPT_QUEUE);
        connector.setName(NAME);
        return connector;
    }

    private static final int SELECTORS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** The connector's name, to find it again. */
    static final String NAME = "agents";
}
