package io.cluman.model.api;

import java.time.Instant;

/**
 * Who a token speaks for: {@code GET /v1/tokens/current}. The web UI shows the actions the role allows.
 *
 * @param name      the token's name
 * @param role      admin, operator or viewer
 * @param expiresAt when the token stops working; null when it does not expire
 */
public record CallerView(String name, String role, Instant expiresAt) {
}
