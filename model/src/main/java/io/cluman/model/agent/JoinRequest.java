package io.cluman.model.agent;

import io.cluman.model.node.NodeFacts;
import java.util.Map;

/**
 * An agent asks to join. The first time it sends the join token (as bearer token) and a certificate
 * request; the answer carries its node certificate. Later joins (a restarted agent) come over mutual TLS
 * with that certificate and need no token: the node id is the certificate's.
 *
 * @param nodeId the id the agent kept from an earlier join, null the first time
 * @param csr    a PKCS#10 certificate request in PEM (EC P-256 key), the node's future identity; null on a
 *               join over mutual TLS that keeps its certificate
 */
public record JoinRequest(String nodeId, String name, Map<String, String> labels, NodeFacts facts, String csr) {
    public JoinRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A join without a certificate request. */
    public JoinRequest(String nodeId, String name, Map<String, String> labels, NodeFacts facts) {
        this(nodeId, name, labels, facts, null);
    }

    @Override
    public String toString() {
        return "JoinRequest[nodeId=" + nodeId + ", name=" + name + ", labels=" + labels + ", csr="
                + (csr == null ? "none" : "given") + "]";
    }
}
