package io.cluman.model.agent;

/**
 * An agent asks for a new node certificate before its own expires ({@code POST /v1/agent/renew}, over
 * mutual TLS with the certificate being replaced).
 *
 * @param csr a PKCS#10 certificate request in PEM for a new EC P-256 key
 */
public record RenewRequest(String csr) {
}
