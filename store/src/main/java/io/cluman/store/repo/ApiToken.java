package io.cluman.store.repo;

import java.time.Instant;

/**
 * An API token as stored: only the SHA-256 of the secret is kept, never the secret itself.
 *
 * @param role {@code admin}, {@code operator}, {@code viewer}, or {@code agent} for the join token
 */
public record ApiToken(String id, String name, String role, String sha256, Instant createdAt) {
}
