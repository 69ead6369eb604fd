package io.cluman.store.repo;

import java.time.Instant;
import java.util.Objects;

/**
 * The cluster CA as stored: its certificate in PEM and its private key in PKCS#8 PEM <em>sealed</em>
 * under the servers' master key (never in clear). {@link #toString()} hides the sealed key anyway.
 *
 * @param sealedKey the key as {@code SecretBox.seal} writes it: {@code v1:<key id>:<base64>}
 */
public record StoredCa(String certificatePem, String sealedKey, Instant createdAt) {
    public StoredCa {
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(sealedKey, "sealedKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "StoredCa[createdAt=" + createdAt + ", sealedKey=***]";
    }
}
