package io.cluman.store.repo;

import java.time.Instant;

/**
 * An API token as stored: only the SHA-256 of the secret is kept, never the secret itself.
 *
 * @param role {@code admin}, {@code operator}, {@code viewer}, or {@code agent} for the join token
 * @param expiresAt when it stops working; null for never (the bootstrap tokens, or a token made without ttl)
 */
public record ApiToken(String id, String name, String role, String sha256, Instant createdAt, Instant expiresAt) {
    /** A token that never expires. */
    public ApiToken(String id, String name, String role, String sha256, Instant createdAt) {
        this(id, name, role, sha256, createdAt, null);
    }

    /** Whether it no longer works at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
