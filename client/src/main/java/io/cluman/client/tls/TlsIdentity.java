package io.cluman.client.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain, leaf first: what a TLS endpoint presents.
 * {@link #toString()} never shows the key.
 */
public record TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
    public TlsIdentity {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least its own certificate");
        }
    }

    /** An identity from PEM text: a PKCS#8 key and one or more certificates, leaf first. */
    public static TlsIdentity fromPem(String keyPem, String chainPem) {
        return new TlsIdentity(Pem.privateKey(keyPem), Pem.certificates(chainPem));
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** The chain as PEM, leaf first. */
    public String chainPem() {
        StringBuilder text = new StringBuilder();
        chain.forEach(c -> text.append(Pem.certificate(c)));
        return text.toString();
    }

    public String keyPem() {
        return Pem.privateKey(key);
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate().getSubjectX500Principal().getName() + ", key=***]";
    }
}
