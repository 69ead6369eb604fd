package io.cluman.model.api;

/**
 * {@code GET /v1/ca}: the cluster CA's certificate, public by nature.
 *
 * @param certificate the PEM certificate
 * @param sha256 the SHA-256 of its DER in hex; join tokens carry its first 16 digits
 */
public record CaView(String certificate, String sha256) {
}
