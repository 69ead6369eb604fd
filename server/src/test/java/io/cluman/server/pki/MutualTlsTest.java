package io.cluman.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.server.security.SecretKeyFile;
import io.cluman.store.KvStore;
import io.cluman.store.KvStores;
import io.cluman.store.repo.Repositories;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS 1.3 handshakes with client authentication on loopback, from the CA's certificates. */
class MutualTlsTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private KvStore store;
    private KvStore otherStore;
    private ClusterCa ca;
    private ClusterCa otherCa;

    @BeforeEach
    void open() throws IOException {
        store = KvStores.open("embedded", dir, InstantSource.system());
        ca = ClusterCa.loadOrCreate(Repositories.over(store).pki(), SecretKeyFile.inDataDir(dir, random),
                InstantSource.system(), random);
        Path other = Files.createDirectory(dir.resolve("other"));
        otherStore = KvStores.open("embedded", other, InstantSource.system());
        otherCa = ClusterCa.loadOrCreate(Repositories.over(otherStore).pki(), SecretKeyFile.inDataDir(other, random),
                InstantSource.system(), random);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        otherStore.close();
    }

    /** What an agent does: a key, a CSR, a certificate from the CA. */
    private static TlsIdentity node(ClusterCa issuer, SecureRandom random) {
        KeyPair keys = EcKeys.generate(random);
        String cert = issuer.signNode(Csr.pem(Csr.create(keys, "n-1")), "n-1", "worker-1", List.of("127.0.0.1"),
                Duration.ofDays(1));
        return new TlsIdentity(keys.getPrivate(), Pem.certificates(cert));
    }

    /** What a server does: an identity from its CA, trusting that CA. */
    private static SSLContext serverOf(ClusterCa issuer) {
        return TlsContexts.mutual(issuer.issueServer(List.of("127.0.0.1"), Duration.ofDays(1)), issuer.certificate());
    }

    @Test
    void serverAndNodeOfOneCaShakeHands() throws Exception {
        SSLContext server = serverOf(ca);
        SSLContext client = TlsContexts.mutual(node(ca, random), ca.certificate());

        try (SSLServerSocket listener = listen(server)) {
            CompletableFuture<String> peer = serveOnce(listener);
            assertThat(exchange(client, listener.getLocalPort())).isEqualTo(42);
            assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo("CN=n-1");
        }
    }

    @Test
    void aNodeCertificateFromAnotherCaIsRefused() throws Exception {
        SSLContext server = serverOf(ca);
        SSLContext stranger = TlsContexts.mutual(node(otherCa, random), ca.certificate());

        try (SSLServerSocket listener = listen(server)) {
            CompletableFuture<String> peer = serveOnce(listener);
            assertThatThrownBy(() -> exchange(stranger, listener.getLocalPort())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> peer.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                    .hasMessageContaining("Path does not chain with any of the trust anchors");
        }
    }

    @Test
    void aServerOfAnotherCaIsRefusedByTheNode() throws Exception {
        SSLContext impostor = serverOf(otherCa);
        SSLContext client = TlsContexts.trusting(ca.certificate());

        try (SSLServerSocket listener = listen(impostor)) {
            listener.setNeedClientAuth(false);
            serveOnce(listener);
            assertThatThrownBy(() -> exchange(client, listener.getLocalPort()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    private static SSLServerSocket listen(SSLContext context) throws IOException {
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setNeedClientAuth(true);
        listener.setSoTimeout(10_000);
        return listener;
    }

    /** Accepts one connection, echoes one byte, and completes with the client's subject. */
    private static CompletableFuture<String> serveOnce(SSLServerSocket listener) {
        CompletableFuture<String> peer = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                socket.getOutputStream().write(socket.getInputStream().read());
                socket.getOutputStream().flush();
                peer.complete(((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName());
            } catch (IOException e) {
                peer.completeExceptionally(e);
            }
        });
        return peer;
    }

    private static int exchange(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            socket.getOutputStream().write(42);
            socket.getOutputStream().flush();
            int echoed = socket.getInputStream().read();
            if (echoed < 0) {
                throw new IOException("the server closed the connection");
            }
            return echoed;
        }
    }
}
