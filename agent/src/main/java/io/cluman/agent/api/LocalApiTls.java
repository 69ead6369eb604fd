package io.cluman.agent.api;

import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.tls.TlsContexts;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The local API's {@link SSLContext}: one object for the life of the HTTPS server (which takes its context
 * once), delegating every handshake to a context built from the node's current credentials, rebuilt when
 * they change (first join, renewal, removal). Before the node has credentials it has no certificate to
 * present and trusts no one: every handshake fails.
 */
final class LocalApiTls extends SSLContextSpi {
    private final Supplier<Optional<NodeCredentials>> credentials;
    private final SSLContext none;
    private final ReentrantLock lock = new ReentrantLock();
    private NodeCredentials builtFor; // guarded by lock
    private SSLContext built; // guarded by lock

    private LocalApiTls(Supplier<Optional<NodeCredentials>> credentials) {
        this.credentials = credentials;
        this.none = trustingNoOne();
        this.built = none;
    }

    /** A context that always follows {@code credentials}. */
    static SSLContext following(Supplier<Optional<NodeCredentials>> credentials) {
        LocalApiTls spi = new LocalApiTls(credentials);
        return new SSLContext(spi, spi.none.getProvider(), "TLSv1.3") {
        };
    }

    /** The context of the current credentials. */
    private SSLContext current() {
        NodeCredentials now = credentials.get().orElse(null);
        lock.lock();
        try {
            if (now != builtFor) {
                built = now == null ? none : TlsContexts.mutual(now.identity(), now.ca());
                builtFor = now;
            }
            return built;
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
        throw new KeyManagementException("the local API's context follows the node credentials; it takes no keys");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return current().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return current().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return current().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return current().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return current().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return current().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return current().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return current().getSupportedSSLParameters();
    }

    private static SSLContext trustingNoOne() {
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(empty);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(new KeyManager[0], tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }
}
