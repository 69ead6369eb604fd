package io.cluman.server.pki;

import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.model.validation.ValidationException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * What a certificate signing request must be before the CA signs for it: PEM PKCS#10, an EC P-256 key,
 * signed by that key (proof of possession). Refusals are {@link ValidationException}s on field {@code csr}.
 */
final class CsrCheck {
    static final String FIELD = "csr";
    private static final String MAKE_ONE = "make one with 'openssl req -new -newkey ec -pkeyopt "
            + "ec_paramgen_curve:P-256 -nodes -subj /CN=node'";

    /** CSRs whose signature checked out lately, by the SHA-256 of their DER bytes; emptied when full. */
    private static final Map<String, PublicKey> RECENT = new ConcurrentHashMap<>();
    private static final int RECENT_MAX = 4096;

    private CsrCheck() {
    }

    static PKCS10CertificationRequest parse(String pem) {
        try {
            return Csr.parse(pem);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(FIELD, "is not a PEM certificate request ('-----BEGIN CERTIFICATE REQUEST"
                    + "-----'): " + MAKE_ONE);
        }
    }

    /**
     * The request's public key, once it is P-256 and the request is signed by it. A join checks its CSR when
     * it is admitted and again when the CA signs it: the second check of the same bytes is answered from
     * {@link #RECENT} (a signature check is most of a join's CPU besides the TLS handshake).
     */
    static PublicKey verifiedKey(PKCS10CertificationRequest csr) {
        String digest = digest(csr);
        PublicKey known = RECENT.get(digest);
        if (known != null) {
            return known;
        }
        PublicKey key = checkedKey(csr);
        if (RECENT.size() >= RECENT_MAX) {
            RECENT.clear();
        }
        RECENT.put(digest, key);
        return key;
    }

    private static String digest(PKCS10CertificationRequest csr) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csr.getEncoded()));
        } catch (IOException e) {
            throw ValidationException.of(FIELD, "cannot be encoded again: " + MAKE_ONE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }

    private static PublicKey checkedKey(PKCS10CertificationRequest csr) {
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw ValidationException.of(FIELD, "holds a public key this server cannot read: " + MAKE_ONE);
        }
        if (!EcKeys.isP256(key)) {
            throw ValidationException.of(FIELD, "has a " + key.getAlgorithm() + " key; the cluster only signs EC "
                    + "P-256 keys: " + MAKE_ONE);
        }
        boolean signed;
        try {
            signed = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException e) {
            signed = false;
        }
        if (!signed) {
            throw ValidationException.of(FIELD, "is not signed by the key it names: sign the request with the "
                    + "private key of the certificate you ask for");
        }
        return key;
    }
}
