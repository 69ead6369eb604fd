package io.cluman.server.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a certificate request's public key (its SubjectPublicKeyInfo): which key an agent holds. */
public final class KeyFingerprints {
    private KeyFingerprints() {
    }

    /** The fingerprint of the key {@code csrPem} asks a certificate for; a {@code csr} 400 when it is no CSR. */
    public static String of(String csrPem) {
        try {
            byte[] key = CsrCheck.parse(csrPem).getSubjectPublicKeyInfo().getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
