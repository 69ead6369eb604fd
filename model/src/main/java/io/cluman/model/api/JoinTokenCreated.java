package io.cluman.model.api;

import java.time.Instant;

/**
 * The answer to {@code POST /v1/tokens/join}: the only time the value is shown. {@link #toString()}
 * hides it.
 *
 * @param token {@code CLJ1-<CA pin>-<secret>}: give it to {@code cluman agent}
 * @param maxUses null for unlimited
 * @param expiresAt null for never
 */
public record JoinTokenCreated(String id, String description, Instant createdAt, Instant expiresAt,
                               Integer maxUses, String token) {
    @Override
    public String toString() {
        return "JoinTokenCreated[id=" + id + ", description=" + description + ", createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + ", maxUses=" + maxUses + ", token=***]";
    }
}
