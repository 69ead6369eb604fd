package io.cluman.client.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text ({@code -----BEGIN CERTIFICATE-----}, {@code PRIVATE KEY}, {@code CERTIFICATE REQUEST}) to and
 * from DER. Private keys are PKCS#8, EC only. Malformed input is an {@link IllegalArgumentException}
 * saying what was expected; the text itself is never echoed (it may hold a key).
 */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private Pem() {
    }

    /** {@code der} as a PEM block of {@code type}, 64 characters a line, ending with a newline. */
    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The DER of every block of {@code type} in {@code text}, in order. */
    public static List<byte[]> decodeAll(String type, String text) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text == null ? "" : text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                blocks.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return blocks;
    }

    /** The DER of the first block of {@code type}; IllegalArgumentException when there is none. */
    public static byte[] decode(String type, String text) {
        List<byte[]> blocks = decodeAll(type, text);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("expected a PEM block '-----BEGIN " + type + "-----'");
        }
        return blocks.getFirst();
    }

    public static String certificate(X509Certificate cert) {
        try {
            return encode(CERTIFICATE, cert.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Every certificate in {@code text}, in order (a chain: leaf first). */
    public static List<X509Certificate> certificates(String text) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : decodeAll(CERTIFICATE, text)) {
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("expected a PEM block '-----BEGIN " + CERTIFICATE + "-----'");
        }
        return certs;
    }

    public static X509Certificate certificate(String text) {
        return certificates(text).getFirst();
    }

    public static String privateKey(PrivateKey key) {
        return encode(PRIVATE_KEY, key.getEncoded());
    }

    /** An EC private key in PKCS#8 PEM. */
    public static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decode(PRIVATE_KEY, text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key: " + e.getMessage(), e);
        }
    }
}
