package io.cluman.model.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The node id to keep, the node's name, how often to heartbeat, and the node's credentials.
 *
 * @param certificate the node certificate (PEM, leaf first) signed from the request's CSR; absent when the
 *                    join sent none
 * @param ca          the cluster CA certificate (PEM): the only issuer the agent trusts from now on
 * @param agentPort   the server's mutual-TLS port for the agent protocol, on the host the agent joined
 * @param agentUrl    the address of that port when the server was told one ({@code --agent-url}); absent:
 *                    the join address's host with {@code agentPort}
 * @param localApiKey the key the server sends to this node's local API; the agent accepts no other
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinResponse(String nodeId, String name, long heartbeatIntervalMillis, String certificate, String ca,
                           int agentPort, String agentUrl, String localApiKey) {
    /** An answer without credentials. */
    public JoinResponse(String nodeId, String name, long heartbeatIntervalMillis) {
        this(nodeId, name, heartbeatIntervalMillis, null, null, 0, null, null);
    }

    @Override
    public String toString() {
        return "JoinResponse[nodeId=" + nodeId + ", name=" + name + ", agentPort=" + agentPort + ", localApiKey=***]";
    }
}
