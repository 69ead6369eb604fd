package io.cluman.agent.tls;

import io.cluman.agent.heartbeat.JoinCredentials;
import io.cluman.agent.identity.CredentialStore;
import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.ClientEndpoint;
import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.agent.JoinResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the agent's requests go and with which credentials, switching as the node's certificate comes,
 * is renewed or is dropped:
 *
 * <pre>
 *   no credentials ── join with token + CSR, reply's CA matches the pin ──► credentials (kept in the data dir)
 *        ▲                                                                      │ renewal: new key, same files
 *        └────────── a join over mutual TLS refused with 401 (removed) ───────────────┘
 * </pre>
 *
 * <p>Without credentials {@link #get()} hands out the join endpoint (join URL, plain HTTP client, bearer
 * token); with them the agent endpoint (agent URL, an HTTP client presenting the node certificate and
 * trusting only the cluster CA, no token). A renewal swaps that client: new connections present the new
 * certificate, the old client finishes what it has in flight and is shut down.
 *
 * <p><b>Threading.</b> The {@link JoinCredentials} methods run on the heartbeat thread, {@link #renewed} on
 * the renewal thread, {@link #get()} and {@link #credentials()} on any: the current state is one volatile
 * reference replaced whole.
 */
public final class NodeTls implements JoinCredentials, Supplier<ClientEndpoint>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeTls.class);
    /** The CN a CSR asks for before the server named the node; the server decides the subject anyway. */
    static final String NEW_NODE_CN = "new-node";

    private record Current(NodeCredentials credentials, ClientEndpoint endpoint) {
    }

    private final CredentialStore store;
    private final String joinUrl;
    private final String token;
    private final Supplier<HttpClient.Builder> clients;
    private final SecureRandom random;
    private final boolean trustGiven;
    private volatile ClientEndpoint joinEndpoint;
    private boolean pinChecked; // heartbeat thread only
    private volatile Current current;
    private KeyPair pending; // the key of the CSRs sent until a join is answered; heartbeat thread only

    /**
     * No I/O: {@link #load()} reads the kept credentials.
     *
     * @param clients makes HTTP client builders (timeouts, executor, version); this class adds the TLS context
     */
    public NodeTls(CredentialStore store, String joinUrl, String token, Supplier<HttpClient.Builder> clients,
                   SecureRandom random) {
        this(store, joinUrl, token, clients, random, false);
    }

    /**
     * @param trustGiven whether {@code clients} already trust what the join address presents ({@code --ca-file});
     *                   if not, a first join over {@code https://} with a token that pins the cluster CA trusts
     *                   that CA beside the JDK's, once {@code GET /v1/ca} showed it matches the pin
     */
    public NodeTls(CredentialStore store, String joinUrl, String token, Supplier<HttpClient.Builder> clients,
                   SecureRandom random, boolean trustGiven) {
        this.trustGiven = trustGiven;
        this.store = store;
        this.joinUrl = joinUrl;
        this.token = token;
        this.clients = clients;
        this.random = random;
        this.joinEndpoint = ClientEndpoint.of(joinUrl, clients.get().build(), token);
    }

    /**
     * Reads the kept credentials; none: the first join will use the token.
     *
     * @throws java.io.UncheckedIOException when a credential file exists but cannot be read
     */
    public void load() {
        Optional<NodeCredentials> kept = store.load();
        kept.ifPresent(c -> LOG.info("found node credentials in the data dir ({}): talking to {} over mutual TLS,"
                + " without the join token", c, c.agentUrl()));
        switchTo(kept.orElse(null));
    }

    /** Where the next request goes. */
    @Override
    public ClientEndpoint get() {
        Current now = current;
        return now == null ? joinEndpoint : now.endpoint();
    }

    /** The node's credentials; empty before the first join. */
    public Optional<NodeCredentials> credentials() {
        Current now = current;
        return now == null ? Optional.empty() : Optional.of(now.credentials());
    }

    /** Before the first token join over https: trusts the cluster CA the token pins, when the server shows it. */
    private void trustPinnedCa() {
        if (pinChecked || trustGiven || !joinUrl.startsWith("https://") || CaPin.inJoinToken(token).isEmpty()) {
            return;
        }
        PinnedCa.fetch(joinUrl, token).ifPresent(ca -> {
            ClientEndpoint before = joinEndpoint;
            joinEndpoint = ClientEndpoint.of(joinUrl, clients.get().sslContext(JoinTrust.jdkAnd(ca)).build(), token);
            before.http().shutdownNow();
            pinChecked = true;
            LOG.info("the join address {} shows the cluster CA the join token pins ({}): trusting it for the join",
                    joinUrl, CaPin.of(ca));
        });
    }

    @Override
    public boolean inUse() {
        return current != null;
    }

    @Override
    public String csrForJoin(String nodeId) {
        if (current != null) {
            return null;
        }
        trustPinnedCa();
        if (pending == null) {
            // one key until a join is answered: a join sent again after a lost answer is the same join to the
            // server (it knows the key), not a second node
            pending = EcKeys.generate(random);
        }
        return Csr.pem(Csr.create(pending, nodeId == null ? NEW_NODE_CN : nodeId));
    }

    @Override
    public boolean accept(JoinResponse reply) {
        if (current != null) {
            return true;
        }
        if (reply.certificate() == null || reply.ca() == null) {
            if (CaPin.inJoinToken(token).isEmpty()) {
                LOG.warn("the server at {} issued no node certificate: the agent keeps using the join token",
                        joinUrl);
                return true;
            }
            LOG.error("the server at {} sent no CA and certificate although the join token pins a CA; nothing"
                    + " was kept", joinUrl);
            return false;
        }
        try {
            NodeCredentials credentials = trusted(reply);
            store.save(credentials);
            switchTo(credentials);
            LOG.info("node {} has its certificate (valid until {}); from now on the agent talks to {} over mutual"
                    + " TLS", reply.nodeId(), credentials.notAfter(), credentials.agentUrl());
            pending = null;
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("refusing the credentials from {}: {}; nothing was kept", joinUrl, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean dropAfterRejection() {
        if (current == null) {
            return false;
        }
        store.delete();
        switchTo(null);
        return true;
    }

    /** Keeps and starts presenting a renewed key and certificate. */
    public void renewed(TlsIdentity identity) {
        Current now = current;
        if (now == null) {
            throw new IllegalStateException("the node has no credentials to renew");
        }
        store.saveIdentity(identity);
        switchTo(now.credentials().withIdentity(identity));
    }

    /** Shuts the HTTP clients down. */
    @Override
    public void close() {
        joinEndpoint.http().shutdownNow();
        Current now = current;
        if (now != null) {
            now.endpoint().http().shutdownNow();
        }
    }

    /** The reply's credentials once they pass every check; IllegalArgumentException saying which failed. */
    private NodeCredentials trusted(JoinResponse reply) {
        X509Certificate ca = Pem.certificate(reply.ca());
        if (CaPin.inJoinToken(token).isPresent() && !CaPin.matches(token, ca)) {
            throw new IllegalArgumentException("the CA it sent (pin " + CaPin.of(ca) + ") is not the one the join"
                    + " token pins (" + CaPin.inJoinToken(token).orElseThrow() + "): is --join the right server?");
        }
        List<X509Certificate> chain = Pem.certificates(reply.certificate());
        if (pending == null || !Arrays.equals(chain.getFirst().getPublicKey().getEncoded(),
                pending.getPublic().getEncoded())) {
            throw new IllegalArgumentException("the certificate is not for the key the agent asked for");
        }
        if (reply.localApiKey() == null || reply.localApiKey().isBlank()) {
            throw new IllegalArgumentException("the reply has no local API key");
        }
        return new NodeCredentials(new TlsIdentity(pending.getPrivate(), chain), ca, agentUrl(reply),
                reply.localApiKey());
    }

    /** The reply's agent URL, else the join URL's host with the agent port. */
    private URI agentUrl(JoinResponse reply) {
        if (reply.agentUrl() != null && !reply.agentUrl().isBlank()) {
            return URI.create(reply.agentUrl().strip());
        }
        if (reply.agentPort() <= 0 || reply.agentPort() > 65535) {
            throw new IllegalArgumentException("the reply has neither an agent URL nor an agent port");
        }
        URI join = URI.create(joinUrl);
        return URI.create("https://" + join.getRawAuthority().replaceFirst(":[0-9]+$", "") + ":" + reply.agentPort());
    }

    private void switchTo(NodeCredentials credentials) {
        Current old = current;
        current = credentials == null ? null : current(credentials);
        if (old != null) {
            old.endpoint().http().shutdown(); // in-flight requests finish, then the old connections close
        }
    }

    private Current current(NodeCredentials credentials) {
        HttpClient http = clients.get().sslContext(TlsContexts.mutual(credentials.identity(), credentials.ca()))
                .build();
        return new Current(credentials, ClientEndpoint.of(credentials.agentUrl().toString(), http, null));
    }
}
