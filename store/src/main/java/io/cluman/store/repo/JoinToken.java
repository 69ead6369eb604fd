package io.cluman.store.repo;

import java.time.Instant;
import java.util.Objects;

/**
 * A join token as stored: only the SHA-256 of its value is kept. Uses only grow, and a revoked token
 * stays revoked; every change is a compare-and-swap (see {@code JoinTokens.consume}).
 *
 * @param description what it is for; may be empty, never null
 * @param expiresAt   when it stops working; null for never
 * @param maxUses     how many joins it allows; null for unlimited
 * @param uses        how many joins it served
 */
public record JoinToken(String id, String description, Instant createdAt, Instant expiresAt, Integer maxUses,
                        int uses, boolean revoked, String sha256) {
    public JoinToken {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sha256, "sha256");
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean usedUp() {
        return maxUses != null && uses >= maxUses;
    }

    public JoinToken withOneMoreUse() {
        return new JoinToken(id, description, createdAt, expiresAt, maxUses, uses + 1, revoked, sha256);
    }

    public JoinToken asRevoked() {
        return new JoinToken(id, description, createdAt, expiresAt, maxUses, uses, true, sha256);
    }
}
