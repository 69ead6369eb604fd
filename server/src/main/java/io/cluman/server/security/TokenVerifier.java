package io.cluman.server.security;

import io.cluman.store.repo.ApiToken;
import io.cluman.store.repo.RepositoryMirror;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks bearer tokens against the stored digests (kept in memory by a mirror of {@code /cluman/tokens/}).
 * The secret is hashed first and the digests compared in constant time.
 */
public final class TokenVerifier {
    private final RepositoryMirror<ApiToken> tokens;

    public TokenVerifier(RepositoryMirror<ApiToken> tokens) {
        this.tokens = tokens;
    }

    /** The caller holding {@code secret}, expired or not, or empty when no token has it (never made, or revoked). */
    public Optional<Caller> callerOf(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = TokenDigest.sha256(secret).getBytes(StandardCharsets.US_ASCII);
        return tokens.find(t -> MessageDigest.isEqual(t.sha256().getBytes(StandardCharsets.US_ASCII), digest))
                .flatMap(t -> Role.parse(t.role()).map(r -> new Caller(t.name(), r, t.expiresAt())));
    }
}
