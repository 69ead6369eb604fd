package io.cluman.server.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the API port speaks HTTPS, and with which key. Closed set:
 * <ul>
 *   <li>{@link Plain}: HTTP (the default; put a TLS proxy in front, or use one of the others);</li>
 *   <li>{@link FromFiles}: a certificate chain and PKCS#8 key in PEM files ({@code --tls-cert},
 *       {@code --tls-key});</li>
 *   <li>{@link Auto}: the server's own certificate from the cluster CA ({@code --tls auto}), which the
 *       server turns into {@link Issued} once the CA is loaded; clients trust {@code <data>/ca.crt}.</li>
 * </ul>
 */
public sealed interface ApiTls {
    /** No TLS: the API serves plain HTTP. */
    ApiTls PLAIN = new Plain();

    /**
     * The key store the HTTPS connector serves from, with {@link PemKeyStore#PASSWORD}; empty for plain HTTP.
     *
     * @throws IllegalArgumentException naming the option whose file is missing, unreadable or does not match
     */
    default Optional<KeyStore> keyStore() {
        return switch (this) {
            case Plain p -> Optional.empty();
            case FromFiles f -> Optional.of(PemKeyStore.load(f.certFile(), f.keyFile()));
            case Issued i -> Optional.of(PemKeyStore.of(i.identity().key(), i.identity().chain()));
            case Auto a -> throw new IllegalStateException("--tls auto takes its certificate from the cluster CA"
                    + " when the server starts: resolve it first");
        };
    }

    /** Whether clients reach the API with {@code https://}. */
    default boolean isOn() {
        return !(this instanceof Plain);
    }

    /** Plain HTTP. */
    record Plain() implements ApiTls {
    }

    /** {@code --tls auto}: a certificate from the cluster CA, issued when the server starts. */
    record Auto() implements ApiTls {
    }

    /** A key and chain issued by the cluster CA (what {@link Auto} becomes at start). */
    record Issued(io.cluman.client.tls.TlsIdentity identity) implements ApiTls {
        public Issued {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /**
     * A certificate chain (leaf first) and its private key, both PEM.
     *
     * @param certFile the chain, {@code --tls-cert}
     * @param keyFile  the unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}), {@code --tls-key}
     */
    record FromFiles(Path certFile, Path keyFile) implements ApiTls {
        public FromFiles {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }
}
