package io.cluman.agent.identity;

import io.cluman.client.tls.TlsIdentity;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What the node holds after its first join: its key and certificate, the cluster CA (the only issuer it
 * trusts), where the server's mutual-TLS agent port is, and the key the server sends to the local API.
 * {@link #toString()} shows neither key.
 *
 * @param identity    the node's private key and certificate chain, leaf first; the leaf's CN is the node id
 * @param ca          the cluster CA certificate
 * @param agentUrl    the server's agent port, {@code https://host:port}
 * @param localApiKey the value of {@code X-Cluman-Api-Key} the local API accepts
 */
public record NodeCredentials(TlsIdentity identity, X509Certificate ca, URI agentUrl, String localApiKey) {
    public NodeCredentials {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(agentUrl, "agentUrl");
        if (localApiKey == null || localApiKey.isBlank()) {
            throw new IllegalArgumentException("the local API key is missing");
        }
        localApiKey = localApiKey.strip();
    }

    /** The same credentials with a renewed identity. */
    public NodeCredentials withIdentity(TlsIdentity renewed) {
        return new NodeCredentials(renewed, ca, agentUrl, localApiKey);
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** When the node certificate stops being valid. */
    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "NodeCredentials[" + certificate().getSubjectX500Principal().getName() + ", valid until " + notAfter()
                + ", agentUrl=" + agentUrl + ", keys=***]";
    }
}
