package io.cluman.server.security;

import java.util.Base64;
import java.util.random.RandomGenerator;

/** A new token value: a prefix and 32 random bytes in unpadded base64url. */
public final class TokenSecret {
    private TokenSecret() {
    }

    /** {@code prefix} followed by 43 characters of base64url. */
    public static String generate(RandomGenerator random, String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
