package io.cluman.agent.tls;

import io.cluman.agent.identity.NodeCredentials;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.CommonName;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.agent.RenewRequest;
import io.cluman.model.agent.RenewResponse;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the node certificate without a restart: every {@code checkEvery} (or sooner, when that is when it
 * is due) it looks whether two thirds of the certificate's lifetime (notBefore → notAfter) have passed; then it makes a new key and CSR, asks the server
 * ({@code POST /v1/agent/renew}, over mutual TLS with the certificate being replaced), and hands the new
 * identity to {@link NodeTls#renewed}, which keeps it and swaps the HTTP client. A failed renewal is retried
 * after {@code checkEvery}, doubling per failure up to {@code maxBackoff}.
 *
 * <p>One virtual thread, started by {@link #start()}, stopped by {@link #close()} (waits for it to end).
 */
public final class CertificateRenewal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewal.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final NodeTls tls;
    private final ClumanClient client;
    private final InstantSource clock;
    private final SecureRandom random;
    private static final Duration NO_CERTIFICATE_YET = Duration.ofSeconds(1);
    private final Duration checkEvery;
    private final Duration maxBackoff;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Thread thread;

    /**
     * @param client     a client whose requests go where {@code tls} says (the agent's switching client)
     * @param checkEvery how often to look at the certificate, and the first wait after a failure
     * @param maxBackoff the longest wait between failed attempts
     */
    public CertificateRenewal(NodeTls tls, ClumanClient client, InstantSource clock, SecureRandom random,
                              Duration checkEvery, Duration maxBackoff) {
        this.tls = tls;
        this.client = client;
        this.clock = clock;
        this.random = random;
        this.checkEvery = checkEvery;
        this.maxBackoff = maxBackoff.compareTo(checkEvery) < 0 ? checkEvery : maxBackoff;
    }

    /** When {@code certificate} is due for renewal: two thirds into its lifetime. */
    public static Instant dueAt(X509Certificate certificate) {
        Instant from = certificate.getNotBefore().toInstant();
        Duration lifetime = Duration.between(from, certificate.getNotAfter().toInstant());
        return from.plus(lifetime.multipliedBy(2).dividedBy(3));
    }

    public void start() {
        thread = Thread.ofVirtual().name("cluman-agent-renewal").start(this::run);
    }

    private void run() {
        Duration wait = Duration.ZERO; // a certificate kept from an earlier run may be due already
        while (waitFor(wait)) {
            Optional<NodeCredentials> credentials = tls.credentials();
            if (credentials.isEmpty()) {
                // before the first join: look again soon, the first certificate may be short-lived
                wait = checkEvery.compareTo(NO_CERTIFICATE_YET) < 0 ? checkEvery : NO_CERTIFICATE_YET;
                continue;
            }
            Duration left = Duration.between(clock.instant(), dueAt(credentials.get().certificate()));
            if (left.isPositive()) {
                // a short-lived certificate (--node-cert-ttl) is renewed when due, not at the next look
                wait = left.compareTo(checkEvery) < 0 ? left : checkEvery;
                continue;
            }
            try {
                renew(credentials.get());
                wait = checkEvery;
            } catch (RuntimeException e) {
                wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
                if (closed.getCount() > 0) {
                    LOG.warn("cannot renew the node certificate (valid until {}): {}; retrying in {}",
                            credentials.get().notAfter(), e.getMessage(), wait);
                }
            }
        }
    }

    private void renew(NodeCredentials credentials) {
        KeyPair keys = EcKeys.generate(random);
        String cn = CommonName.of(credentials.certificate())
                .orElseThrow(() -> new IllegalStateException("the node certificate has no CN"));
        RenewResponse reply = client.renew(new RenewRequest(Csr.pem(Csr.create(keys, cn))));
        if (reply == null || reply.certificate() == null) {
            throw new IllegalStateException("the server answered without a certificate");
        }
        List<X509Certificate> chain = Pem.certificates(reply.certificate());
        if (!Arrays.equals(chain.getFirst().getPublicKey().getEncoded(), keys.getPublic().getEncoded())) {
            throw new IllegalStateException("the server sent a certificate for another key");
        }
        TlsIdentity renewed = new TlsIdentity(keys.getPrivate(), chain);
        tls.renewed(renewed);
        LOG.info("renewed the node certificate of {}: valid until {}, next renewal after {}", cn,
                renewed.certificate().getNotAfter().toInstant(), dueAt(renewed.certificate()));
    }

    /** Waits {@code wait}; false when closed meanwhile. */
    private boolean waitFor(Duration wait) {
        try {
            return !closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the loop and waits for it to end. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        Thread running = thread;
        if (running == null) {
            return;
        }
        try {
            if (!running.join(CLOSE_WAIT)) {
                running.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
