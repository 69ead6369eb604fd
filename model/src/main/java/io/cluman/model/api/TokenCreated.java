package io.cluman.model.api;

import java.time.Instant;

/**
 * The answer to {@code POST /v1/tokens}: the only time the token's value is shown. {@link #toString()}
 * hides it.
 *
 * @param token the value to send as {@code Authorization: Bearer <token>}
 */
public record TokenCreated(String name, String role, Instant createdAt, Instant expiresAt, String token) {
    @Override
    public String toString() {
        return "TokenCreated[name=" + name + ", role=" + role + ", createdAt=" + createdAt + ", expiresAt="
                + expiresAt + ", token=***]";
    }
}
