package io.cluman.model.api;

import java.time.Instant;

/**
 * A join token as {@code GET /v1/tokens/join} lists it: never its value nor its hash.
 *
 * @param maxUses null for unlimited
 * @param expiresAt null for never
 * @param state {@code active}, {@code revoked}, {@code expired} or {@code used-up}
 */
public record JoinTokenView(String id, String description, Instant createdAt, Instant expiresAt, Integer maxUses,
                            int uses, String state) {
}
