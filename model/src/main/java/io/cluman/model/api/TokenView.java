package io.cluman.model.api;

import java.time.Instant;

/**
 * A token as {@code GET /v1/tokens} lists it: never its value nor its hash.
 *
 * @param expiresAt null for never
 */
public record TokenView(String name, String role, Instant createdAt, Instant expiresAt) {
}
