package io.cluman.server.pki;

import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * This server's own certificate from the cluster CA ({@code CN=cluman-server}), issued at every start: what
 * the agent port presents, and what the server presents to agents' local APIs. Its names are those agents
 * may reach it by: loopback, the host name, every address of the machine, the listen address and the
 * host of {@code --agent-url}.
 */
public final class ServerCredentials {
    /** How long a server certificate is valid; a server gets a new one at every start. */
    public static final Duration TTL = Duration.ofDays(365);

    private final TlsIdentity identity;
    private final SSLContext context;

    private ServerCredentials(TlsIdentity identity, SSLContext context) {
        this.identity = identity;
        this.context = context;
    }

    /** Issues the certificate for the names this machine answers to. */
    public static ServerCredentials issue(ClusterCa ca, String bindHost, String agentUrl) {
        TlsIdentity identity = ca.issueServer(names(bindHost, agentUrl), TTL);
        return new ServerCredentials(identity, TlsContexts.mutual(identity, ca.certificate()));
    }

    /** Presents this server's certificate; trusts only the cluster CA. */
    public SSLContext context() {
        return context;
    }

    public TlsIdentity identity() {
        return identity;
    }

    static List<String> names(String bindHost, String agentUrl) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (bindHost != null && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            names.add(bindHost);
        }
        if (agentUrl != null) {
            names.add(URI.create(agentUrl).getHost().replace("[", "").replace("]", ""));
        }
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // no host name: addresses will do
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    names.add(zone < 0 ? text : text.substring(0, zone));
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback and the host name will do
        }
        return names.stream().filter(SubjectNames::valid).toList();
    }

    @Override
    public String toString() {
        return "ServerCredentials[" + identity + "]";
    }
}
