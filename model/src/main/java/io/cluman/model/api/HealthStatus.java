package io.cluman.model.api;

/** {@code GET /v1/health}: whether this server is up, its version, whether it leads, and its store. */
public record HealthStatus(String status, String version, String role, String leader, String store) {
}
