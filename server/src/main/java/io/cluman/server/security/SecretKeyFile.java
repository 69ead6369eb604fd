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
 * error, never silently replaced: a new key would make every sealed secret unreadable.
 */
public final class SecretKeyFile {
    /** The key file's name in the data dir. */
    public static final String DEFAULT_FILE = "secret.key";
    private static final int KEY_BYTES = 32;

    private SecretKeyFile() {
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
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret key file " + file + " is not base64: make one with "
                    + "'head -c 32 /dev/urandom | base64 > " + file + "'", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secret key file " + file + " holds " + key.length
                    + " bytes; an AES-256 key is 32 bytes: 'head -c 32 /dev/urandom | base64 > " + file + "'");
        }
        return new SecretBox(key, random);
    }
}
