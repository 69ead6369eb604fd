package io.cluman.agent.identity;

import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.List;
import java.util.Optional;

/**
 * The node's credentials in the data dir, one file each, every one written atomically with mode 0600:
 *
 * <pre>
 *   node.key       the node's private key, PKCS#8 PEM
 *   node.crt       its certificate chain, PEM, leaf first
 *   ca.crt         the cluster CA certificate, PEM
 *   agent-url      the server's mutual-TLS agent address, https://host:port
 *   local-api.key  the key the server sends to the local API
 * </pre>
 *
 * <p>{@link #save} writes the certificate before the key and the key last, so a crash in between leaves a
 * key that does not match its certificate: {@link #load} treats that as no credentials (the agent joins
 * again with its token) rather than presenting a broken identity. One agent per data dir: no locking.
 */
public final class CredentialStore {
    static final String KEY = "node.key";
    static final String CERTIFICATE = "node.crt";
    static final String CA = "ca.crt";
    static final String AGENT_URL = "agent-url";
    static final String LOCAL_API_KEY = "local-api.key";
    private static final List<String> FILES = List.of(KEY, CERTIFICATE, CA, AGENT_URL, LOCAL_API_KEY);

    private final Path dataDir;

    public CredentialStore(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The kept credentials; empty when there are none or they are incomplete or unreadable (logged by the
     * caller as a fresh join).
     *
     * @throws UncheckedIOException when a file exists but cannot be read
     */
    public Optional<NodeCredentials> load() {
        try {
            Optional<String> key = AtomicFiles.read(dataDir.resolve(KEY));
            Optional<String> chain = AtomicFiles.read(dataDir.resolve(CERTIFICATE));
            Optional<String> ca = AtomicFiles.read(dataDir.resolve(CA));
            Optional<String> url = AtomicFiles.read(dataDir.resolve(AGENT_URL));
            Optional<String> apiKey = AtomicFiles.read(dataDir.resolve(LOCAL_API_KEY));
            if (key.isEmpty() || chain.isEmpty() || ca.isEmpty() || url.isEmpty() || apiKey.isEmpty()) {
                return Optional.empty();
            }
            TlsIdentity identity = TlsIdentity.fromPem(key.get(), chain.get());
            if (!matches(identity)) {
                return Optional.empty();
            }
            return Optional.of(new NodeCredentials(identity, Pem.certificate(ca.get()), URI.create(url.get().strip()),
                    apiKey.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node credentials in " + dataDir + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Keeps all of {@code credentials}, replacing any earlier ones. */
    public void save(NodeCredentials credentials) {
        try {
            AtomicFiles.write(dataDir.resolve(CA), Pem.certificate(credentials.ca()));
            AtomicFiles.write(dataDir.resolve(AGENT_URL), credentials.agentUrl() + "\n");
            AtomicFiles.write(dataDir.resolve(LOCAL_API_KEY), credentials.localApiKey() + "\n");
            saveIdentity(credentials.identity());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node credentials in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Keeps a renewed key and certificate; the rest stays. */
    public void saveIdentity(TlsIdentity identity) {
        try {
            AtomicFiles.write(dataDir.resolve(CERTIFICATE), identity.chainPem());
            AtomicFiles.write(dataDir.resolve(KEY), identity.keyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node credentials in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every credential file (the node was removed from the cluster). */
    public void delete() {
        try {
            for (String name : FILES) {
                Files.deleteIfExists(dataDir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the node credentials in " + dataDir + ": " + e.getMessage(),
                    e);
        }
    }

    public Path path(String name) {
        return dataDir.resolve(name);
    }

    /** Whether the key is the one the leaf certificate certifies: a signature it makes verifies. */
    private static boolean matches(TlsIdentity identity) {
        try {
            byte[] probe = "cluman-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(identity.key());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(identity.certificate().getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
