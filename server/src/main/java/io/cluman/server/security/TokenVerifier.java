package io.cluman.server.security;

import io.cluman.store.repo.ApiToken;
import io.cluman.store.repo.RepositoryMirror;
import java.util.Locale;
import java.util.Optional;

/** Checks bearer tokens against the stored digests (kept in memory by a mirror of {@code /cluman/tokens/}). */
public final class TokenVerifier {
    private final RepositoryMirror<ApiToken> tokens;

    public TokenVerifier(RepositoryMirror<ApiToken> tokens) {
        this.tokens = tokens;
    }

    /** The role of {@code secret}, or empty when no token has it. */
    public Optional<Role> roleOf(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String digest = TokenDigest.sha256(secret);
        for (ApiToken token : tokens.values()) {
            if (java.security.MessageDigest.isEqual(token.sha256().getBytes(), digest.getBytes())) {
                return Optional.of(Role.valueOf(token.role().toUpperCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }
}
