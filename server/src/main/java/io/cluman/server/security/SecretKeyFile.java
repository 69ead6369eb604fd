package io.cluman.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The file holding the server's secret key (256 bits, base64, mode 0600): {@code secret.key} in the data
 * dir, created at first start, or a file the operator gives with {@code --secret-key-file} so several
 * servers share one key (see docs/adr/0005-registry-secrets.md). A given file that does not exist is an
 * error, never silently replaced: a new key would make every sealed secret unreadable. This key is the
 * master key of the cluster: it also seals the cluster CA's private key (docs/adr/0006-cluster-ca.md).
 * The environment variable {@code CLUMAN_MASTER_KEY} (the same base64), when set, takes precedence over
 * both files, for deployments that inject secrets through the environment.
 */
public final class SecretKeyFile {
    /** The key file's name in the data dir. */
    public static final String DEFAULT_FILE = "secret.key";
    /** The environment variable that, when set, holds the master key in base64. */
    public static final String ENVIRONMENT = "CLUMAN_MASTER_KEY";
    private static final int KEY_BYTES = 32;

    private SecretKeyFile() {
    }

    /**
     * The server's key: {@code environmentValue} (of {@link #ENVIRONMENT}) when set and not blank, else
     * {@code file} when given, else {@code secret.key} in the data dir.
     */
    public static SecretBox choose(String environmentValue, Path file, Path dataDir, SecureRandom random) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            return fromBase64(environmentValue.strip(), "environment variable " + ENVIRONMENT,
                    "export " + ENVIRONMENT + "=$(head -c 32 /dev/urandom | base64)", random);
        }
        return file == null ? inDataDir(dataDir, random) : given(file, random);
    }

    /** The key in {@code dataDir/secret.key}, creating it (0600) at first start. */
    public static SecretBox inDataDir(Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(DEFAULT_FILE);
        if (!Files.isRegularFile(file)) {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            PrivateFile.write(file, Base64.getEncoder().encodeToString(key) + "\n");
        }
        return given(file, random);
    }

    /** The key in a file the operator made ({@code head -c 32 /dev/urandom | base64 > key}). */
    public static SecretBox given(Path file, SecureRandom random) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret key file " + file + ": " + e.getMessage(), e);
        }
        return fromBase64(text, "secret key file " + file, "head -c 32 /dev/urandom | base64 > " + file, random);
    }

    private static SecretBox fromBase64(String text, String origin, String howToMake, SecureRandom random) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " is not base64: make one with '" + howToMake + "'", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(origin + " holds " + key.length
                    + " bytes; an AES-256 key is 32 bytes: '" + howToMake + "'");
        }
        return new SecretBox(key, random);
    }
}
