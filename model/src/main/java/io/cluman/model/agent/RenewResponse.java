package io.cluman.model.agent;

/**
 * The renewed node certificate.
 *
 * @param certificate the new certificate (PEM, leaf first)
 * @param ca          the cluster CA certificate (PEM)
 */
public record RenewResponse(String certificate, String ca) {
}
