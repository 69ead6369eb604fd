package io.cluman.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for the store with AES-256-GCM under the server's key. A sealed value reads
 * {@code v1:<key id>:<base64 of nonce and ciphertext>}; the key id (the first 4 bytes of the key's
 * SHA-256, in hex) lets a server that holds another key say so instead of failing obscurely. The
 * {@code context} (e.g. the registry's name) is authenticated data: a sealed value copied to another
 * record does not open. Thread-safe: each call makes its own {@link Cipher}.
 */
public final class SecretBox {
    private static final String PREFIX = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random;

    SecretBox(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = fingerprint(key);
        this.random = random;
    }

    /** The key's id as written in sealed values. */
    public String keyId() {
        return keyId;
    }

    /**
     * A secret derived from the key for {@code context} (HMAC-SHA256, base64url): the same on every server
     * sharing the key, so nothing needs storing. The local API key of a node is {@code derive("local-api/" + id)}.
     */
    public String derive(String context) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    public String seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The secret sealed in {@code sealed} under {@code context}.
     *
     * @throws CannotOpen when it was sealed under another key, for another context, or was altered
     */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new CannotOpen("the value is not a sealed secret of this version");
        }
        if (!parts[1].equals(keyId)) {
            throw new CannotOpen("it was sealed under key " + parts[1] + " but this server has key " + keyId
                    + ": give every server the same key with --secret-key-file or "
                    + SecretKeyFile.ENVIRONMENT);
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new CannotOpen("it does not authenticate under this key (altered, or sealed for another record)");
        }
    }

    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[key " + keyId + "]";
    }

    /** A sealed value this box cannot open; the message says why, never the secret. */
    public static final class CannotOpen extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotOpen(String why) {
            super(why);
        }
    }
}
