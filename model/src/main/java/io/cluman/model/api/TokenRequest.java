package io.cluman.model.api;

/**
 * {@code POST /v1/tokens}.
 *
 * @param role {@code admin}, {@code operator} or {@code viewer}
 * @param ttl how long it works, e.g. {@code 24h}; null for no expiry
 */
public record TokenRequest(String name, String role, String ttl) {
}
