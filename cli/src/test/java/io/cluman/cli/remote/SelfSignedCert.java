package io.cluman.cli.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made by the JDK's {@code keytool} and written
 * as the PEM files {@code cluman server --tls-cert/--tls-key} read (the key as PKCS#8, exported with
 * {@link java.security.Key#getEncoded()}: no openssl needed).
 *
 * @param cert the certificate, PEM; also the CA file a client trusts
 * @param key  the private key, PEM PKCS#8
 */
record SelfSignedCert(Path cert, Path key) {
    private static final String PASSWORD = "test-only";

    /** Makes a key pair of {@code algorithm} ({@code EC} or {@code RSA}) under {@code dir}/{@code name}.*. */
    static SelfSignedCert make(Path dir, String name, String algorithm) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "api", "-keyalg", algorithm, "-validity", "2", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            Path cert = Files.writeString(dir.resolve(name + ".crt"),
                    pem("CERTIFICATE", ks.getCertificate("api").getEncoded()));
            Path key = Files.writeString(dir.resolve(name + ".key"),
                    pem("PRIVATE KEY", ks.getKey("api", PASSWORD.toCharArray()).getEncoded()));
            return new SelfSignedCert(cert, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
