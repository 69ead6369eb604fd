package io.cluman.server;

import java.net.URI;
import java.time.Duration;

/**
 * The server's agent port and the certificates it gives nodes.
 *
 * @param port        where agents speak mutual TLS (8763 by default; 0: any free port)
 * @param nodeCertTtl how long a node certificate is valid (30 days by default); agents renew after two thirds
 * @param agentUrl    the address agents use for the agent port, when their join address's host is not
 *                    right for it (a proxy or NAT in between); null: that host with {@code port}
 */
public record AgentPortSettings(int port, Duration nodeCertTtl, String agentUrl) {
    public static final int DEFAULT_PORT = 8763;
    public static final AgentPortSettings DEFAULT = new AgentPortSettings(DEFAULT_PORT, Duration.ofDays(30), null);

    public AgentPortSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("agent port " + port + " is not a TCP port (0-65535)");
        }
        if (nodeCertTtl == null || nodeCertTtl.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("node certificate ttl " + nodeCertTtl + " is too short: use at"
                    + " least 10s");
        }
        if (agentUrl != null) {
            URI uri = URI.create(agentUrl);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("agent url '" + agentUrl + "' is not https://host:port");
            }
        }
    }

    public AgentPortSettings withPort(int newPort) {
        return new AgentPortSettings(newPort, nodeCertTtl, agentUrl);
    }

    public AgentPortSettings withNodeCertTtl(Duration ttl) {
        return new AgentPortSettings(port, ttl, agentUrl);
    }
}
