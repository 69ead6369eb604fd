package io.cluman.model.api;

/**
 * {@code POST /v1/tokens/join}.
 *
 * @param ttl         how long it works, e.g. {@code 1h}; null for no expiry
 * @param uses        how many nodes may join with it; null for unlimited
 * @param description what it is for; optional
 */
public record JoinTokenRequest(String ttl, Integer uses, String description) {
}
