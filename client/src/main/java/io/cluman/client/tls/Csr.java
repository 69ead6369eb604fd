package io.cluman.client.tls;

import java.io.IOException;
import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certificate signing requests: what an agent sends to be given a node certificate. The
 * request only proves possession of the key; the CA decides the subject and names itself.
 */
public final class Csr {
    private Csr() {
    }

    /** A request for {@code keys}' public key with subject {@code CN=cn}, signed SHA256withECDSA. */
    public static PKCS10CertificationRequest create(KeyPair keys, String cn) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a CSR with this key: " + e.getMessage(), e);
        }
    }

    public static String pem(PKCS10CertificationRequest csr) {
        try {
            return Pem.encode(Pem.CERTIFICATE_REQUEST, csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the CSR", e);
        }
    }

    /** The request in {@code text}; IllegalArgumentException when it is not a PEM CSR. */
    public static PKCS10CertificationRequest parse(String text) {
        try {
            return new PKCS10CertificationRequest(Pem.decode(Pem.CERTIFICATE_REQUEST, text));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#10 request: " + e.getMessage(), e);
        }
    }
}
