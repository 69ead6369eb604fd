package io.cluman.server.security;

import java.time.Instant;

/**
 * Who sent a request, as its token says.
 *
 * @param name the token's name ({@code bootstrap-admin}, {@code join}, or one made with POST /v1/tokens)
 * @param expiresAt null for never
 */
public record Caller(String name, Role role, Instant expiresAt) {
}
