package io.cluman.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * Reads a PEM certificate chain and a PEM PKCS#8 private key (EC or RSA) into an in-memory key store,
 * with the JDK only, and checks that the key belongs to the first certificate. Every refusal names
 * the option ({@code --tls-cert}, {@code --tls-key}) and how to fix it.
 */
public final class PemKeyStore {
    /** The in-memory store's password: it never reaches a file, so it protects nothing and is no secret. */
    public static final String PASSWORD = "cluman-in-memory";
    static final String ALIAS = "api";
    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";

    private PemKeyStore() {
    }

    /**
     * The key store of {@code certFile}'s chain and {@code keyFile}'s key.
     *
     * @throws IllegalArgumentException naming the option whose file is at fault
     */
    public static KeyStore load(Path certFile, Path keyFile) {
        Certificate[] chain = chain(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain[0].getPublicKey())) {
            throw new IllegalArgumentException("--tls-key " + keyFile + " is not the key of the certificate in"
                    + " --tls-cert " + certFile + ": give the key the certificate was issued for");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("--tls-cert " + certFile + " and --tls-key " + keyFile
                    + " cannot be used together: " + e.getMessage(), e);
        }
    }

    /** A key store of a key and chain already in memory (a certificate from the cluster CA). */
    public static KeyStore of(PrivateKey key, java.util.List<java.security.cert.X509Certificate> chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the API certificate in a key store: " + e.getMessage(), e);
        }
    }

    private static Certificate[] chain(Path certFile) {
        byte[] pem = read(certFile, "--tls-cert", "the certificate chain (PEM, BEGIN CERTIFICATE)");
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("--tls-cert " + certFile + " holds no certificate: give a PEM file"
                        + " with -----BEGIN CERTIFICATE----- blocks, the server's certificate first");
            }
            return certs.toArray(Certificate[]::new);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--tls-cert " + certFile + " is not a PEM certificate chain ("
                    + e.getMessage() + "): give -----BEGIN CERTIFICATE----- blocks, the server's certificate first", e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) {
        String pem = new String(read(keyFile, "--tls-key", "the private key (PEM, BEGIN PRIVATE KEY)"),
                StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN_KEY);
        int end = pem.indexOf(END_KEY);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("--tls-key " + keyFile + " is not an unencrypted PKCS#8 PEM key"
                    + " (-----BEGIN PRIVATE KEY-----): convert it with 'openssl pkcs8 -topk8 -nocrypt -in OLD -out "
                    + keyFile + "'");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN_KEY.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls-key " + keyFile + " has a damaged base64 body: export the key"
                    + " again", e);
        }
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException e) {
                // not this algorithm: try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks " + algorithm + " keys", e);
            }
        }
        throw new IllegalArgumentException("--tls-key " + keyFile + " is neither an EC nor an RSA PKCS#8 key: use"
                + " one of those");
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey certificateKey) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "cluman key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] read(Path file, String option, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read (" + e.getMessage()
                    + "): give the file of " + what, e);
        }
    }
}
