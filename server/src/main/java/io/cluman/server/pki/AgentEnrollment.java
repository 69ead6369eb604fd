package io.cluman.server.pki;

import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.agent.RenewRequest;
import io.cluman.model.agent.RenewResponse;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeFacts;
import io.cluman.server.security.SecretBox;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * What a node receives to speak mutual TLS: its certificate signed from its CSR ({@code CN} = node id, SANs
 * = its name, its addresses and loopback), the cluster CA, where the agent port is, and the key its local
 * API accepts (derived from the master key, so every server sharing the key computes the same one and
 * nothing is stored). Renewal signs a new CSR for the same node.
 */
public final class AgentEnrollment {
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    private final ClusterCa ca;
    private final SecretBox box;
    private final Duration certTtl;
    private final IntSupplier agentPort;
    private final String agentUrl;

    /**
     * @param certTtl   how long a node certificate is valid; agents renew after two thirds of it
     * @param agentPort the port of the server's mutual-TLS listener (known once it listens)
     * @param agentUrl  the address agents should use for it; null: the join address's host
     */
    public AgentEnrollment(ClusterCa ca, SecretBox box, Duration certTtl, IntSupplier agentPort, String agentUrl) {
        this.ca = ca;
        this.box = box;
        this.certTtl = certTtl;
        this.agentPort = agentPort;
        this.agentUrl = agentUrl;
    }

    /** Checks a CSR before anything is written: a {@code csr} ValidationException when it is no good. */
    public void checkCsr(String csrPem) {
        CsrCheck.verifiedKey(CsrCheck.parse(csrPem));
    }

    /** {@code joined} with the node's credentials; a certificate only when the request has a CSR. */
    public JoinResponse complete(JoinResponse joined, JoinRequest request) {
        String certificate = request.csr() == null ? null
                : ca.signNode(request.csr(), joined.nodeId(), dnsName(joined.name()), names(request.facts()), certTtl);
        return new JoinResponse(joined.nodeId(), joined.name(), joined.heartbeatIntervalMillis(), certificate,
                ca.certificatePem(), agentPort.getAsInt(), agentUrl, localApiKey(joined.nodeId()));
    }

    /** A new certificate for {@code node} from a new CSR. */
    public RenewResponse renew(Node node, RenewRequest request) {
        String certificate = ca.signNode(request.csr(), node.id(), dnsName(node.name()), names(node.facts()),
                certTtl);
        return new RenewResponse(certificate, ca.certificatePem());
    }

    /** The key node {@code nodeId}'s local API accepts. */
    public String localApiKey(String nodeId) {
        return box.derive("local-api/" + nodeId);
    }

    /** Loopback, the node's addresses and its local API's host: those a certificate can name. */
    private static List<String> names(NodeFacts facts) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK);
        if (facts != null) {
            names.addAll(facts.addresses());
            String api = facts.apiAddress();
            if (api != null && !api.isBlank()) {
                names.add(hostOf(api));
            }
        }
        return names.stream().filter(SubjectNames::valid).toList();
    }

    /** The node's name when it is a DNS name, else loopback's (the node is named by its CN anyway). */
    private static String dnsName(String name) {
        return name != null && SubjectNames.valid(name) ? name : "localhost";
    }

    /** The host of {@code host:port} or {@code [v6]:port}. */
    static String hostOf(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
