package io.cluman.server.api;

import io.cluman.client.tls.CommonName;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;

/**
 * The node id a TLS session's client certificate names, read from the certificate once per session and kept
 * as a session value: an agent sends every heartbeat over the same session, and parsing the subject (an LDAP
 * name) each time was a per-request cost. The certificate of a session never changes; whether its node may
 * still speak is checked on every request ({@link NodeCertificates}), not cached.
 */
final class SessionNodeIds {
    /** Where Jetty's {@code SecureRequestCustomizer} puts the request's {@link SSLSession}. */
    static final String SESSION = "org.eclipse.jetty.servlet.request.ssl_session";
    private static final String KEY = "io.cluman.server.node-id";

    private SessionNodeIds() {
    }

    /** The CN of {@code certificate}, from {@code session}'s cache when it has been read before; "" without one. */
    static String of(Object session, X509Certificate certificate) {
        if (!(session instanceof SSLSession ssl)) {
            return CommonName.of(certificate).orElse("");
        }
        if (ssl.getValue(KEY) instanceof String id) {
            return id;
        }
        String id = CommonName.of(certificate).orElse("");
        ssl.putValue(KEY, id);
        return id;
    }
}
