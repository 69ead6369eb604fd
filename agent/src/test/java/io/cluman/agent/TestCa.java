package io.cluman.agent;

import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.TlsIdentity;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A throw-away cluster CA for tests, signing the way the server's {@code CertificateSigner} does: EC P-256,
 * SHA256withECDSA, leaves for client and server auth naming {@code 127.0.0.1} and {@code localhost}.
 */
public final class TestCa {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(String cn) {
        keys = EcKeys.generate(RANDOM);
        Instant now = Instant.now();
        X500Name name = name(cn);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            certificate = sign(builder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestCa create(String cn) {
        return new TestCa(cn);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A new key and a leaf {@code CN=cn} for it, valid for a day. */
    public TlsIdentity identity(String cn) {
        KeyPair leafKeys = EcKeys.generate(RANDOM);
        return new TlsIdentity(leafKeys.getPrivate(), List.of(leaf(leafKeys.getPublic(), cn, Duration.ofDays(1))));
    }

    /** A leaf for the key of the PEM {@code csr}, named {@code cn} (the CA decides the subject). */
    public X509Certificate sign(String csr, String cn, Duration lifetime) {
        try {
            PublicKey key = new JcaPKCS10CertificationRequest(Csr.parse(csr)).getPublicKey();
            return leaf(key, cn, lifetime);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf valid from a second ago for {@code lifetime}. */
    public X509Certificate leaf(PublicKey key, String cn, Duration lifetime) {
        Instant from = Instant.now().minusSeconds(1);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(from),
                    Date.from(from.plus(lifetime)), name(cn), key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}));
            return sign(builder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM).setBit(0);
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }
}
