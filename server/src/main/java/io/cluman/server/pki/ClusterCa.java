package io.cluman.server.pki;

import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.validation.Validator;
import io.cluman.server.security.SecretBox;
import io.cluman.server.security.SecretKeyFile;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.StoredCa;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The cluster's certificate authority: an EC P-256 key and a self-signed certificate valid 10 years,
 * made by the first server that starts on a store and shared by all others through it. The key is kept
 * sealed under the master key ({@link SecretBox}, context {@value #SEAL_CONTEXT}); a server with another
 * master key cannot start. Issues node certificates from CSRs and server identities. Thread-safe: the
 * state is immutable once loaded.
 */
public final class ClusterCa {
    /** The id of the one CA record under {@code KeySpace.PKI}. */
    static final String RECORD_ID = "ca";
    /** The {@link SecretBox} context of the sealed key. */
    static final String SEAL_CONTEXT = "cluster-ca";
    static final String CA_NAME = "Cluman cluster CA";
    static final String SERVER_NAME = "cluman-server";
    static final Duration CA_LIFETIME = Duration.ofDays(3650);
    /** Certificates start a minute in the past: clocks of the cluster's machines differ a little. */
    static final Duration BACKDATE = Duration.ofMinutes(1);

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final InstantSource clock;
    private final SecureRandom random;
    private final CertificateSigner signer;

    private ClusterCa(X509Certificate certificate, PrivateKey key, InstantSource clock, SecureRandom random) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
        this.random = random;
        this.signer = new CertificateSigner(random);
    }

    /**
     * The store's CA, creating it when there is none. Race-safe: of several servers starting together on
     * one store exactly one creation wins; the others read the winner's.
     *
     * @throws IllegalStateException when the stored key does not open under {@code box}'s master key
     */
    public static ClusterCa loadOrCreate(JsonRepository<StoredCa> records, SecretBox box, InstantSource clock,
                                         SecureRandom random) {
        StoredCa stored = records.get(RECORD_ID).orElseGet(() -> create(records, box, clock, random));
        PrivateKey key;
        try {
            key = Pem.privateKey(box.open(stored.sealedKey(), SEAL_CONTEXT));
        } catch (SecretBox.CannotOpen e) {
            throw new IllegalStateException("cannot open the cluster CA's private key in the store: " + e.getMessage()
                    + ". Start this server with the master key of the servers that made it: --secret-key-file FILE"
                    + " or the environment variable " + SecretKeyFile.ENVIRONMENT, e);
        }
        return new ClusterCa(Pem.certificate(stored.certificatePem()), key, clock, random);
    }

    private static StoredCa create(JsonRepository<StoredCa> records, SecretBox box, InstantSource clock,
                                   SecureRandom random) {
        Instant now = clock.instant();
        KeyPair keys = EcKeys.generate(random);
        X509Certificate cert = new CertificateSigner(random).selfSignedCa(keys, CA_NAME, now.minus(BACKDATE),
                now.plus(CA_LIFETIME));
        StoredCa made = new StoredCa(Pem.certificate(cert), box.seal(Pem.privateKey(keys.getPrivate()), SEAL_CONTEXT),
                now);
        try {
            return records.create(RECORD_ID, made);
        } catch (StoreException.Conflict lost) {
            return records.get(RECORD_ID).orElseThrow(() -> new IllegalStateException(
                    "the cluster CA was created and removed while this server started; start it again"));
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** The SHA-256 of the CA certificate, 64 hex digits. */
    public String fingerprint() {
        return CaPin.fingerprint(certificate);
    }

    /** The first 16 hex digits of the fingerprint: what join tokens pin. */
    public String pin() {
        return CaPin.of(certificate);
    }

    /** {@link #signNode(PKCS10CertificationRequest, String, String, List, Duration)} of a PEM CSR. */
    public String signNode(String csrPem, String nodeId, String nodeName, List<String> addresses, Duration ttl) {
        return signNode(CsrCheck.parse(csrPem), nodeId, nodeName, addresses, ttl);
    }

    /**
     * A node certificate in PEM for the key of {@code csr}: {@code CN=nodeId}, SANs {@code nodeName} and
     * {@code addresses}, clientAuth and serverAuth, valid from a minute ago for {@code ttl} (never past the
     * CA's own end). The CSR's subject is ignored: the CA names the node.
     *
     * @throws io.cluman.model.validation.ValidationException on {@code csr} (not P-256, not signed by its
     *         key), {@code nodeName}, {@code addresses} or {@code ttl}
     */
    public String signNode(PKCS10CertificationRequest csr, String nodeId, String nodeName, List<String> addresses,
                           Duration ttl) {
        PublicKey subjectKey = CsrCheck.verifiedKey(csr);
        checkLeaf(nodeId, ttl);
        List<GeneralName> names = new ArrayList<>(SubjectNames.of("nodeName", List.of(nodeName == null ? "" : nodeName)));
        names.addAll(SubjectNames.of("addresses", addresses == null ? List.of() : addresses));
        return Pem.certificate(issue(subjectKey, nodeId, names, ttl));
    }

    /**
     * A new key and certificate for a server ({@code CN=cluman-server}, SANs {@code hostsAndIps}): its
     * agent-facing TLS listener and its client identity towards agents. The chain holds the leaf only;
     * peers trust the CA.
     */
    public TlsIdentity issueServer(List<String> hostsAndIps, Duration ttl) {
        checkLeaf(SERVER_NAME, ttl);
        KeyPair keys = EcKeys.generate(random);
        return new TlsIdentity(keys.getPrivate(),
                List.of(issue(keys.getPublic(), SERVER_NAME, SubjectNames.of("hostsAndIps", hostsAndIps), ttl)));
    }

    private X509Certificate issue(PublicKey subjectKey, String cn, List<GeneralName> names, Duration ttl) {
        Instant now = clock.instant();
        Instant notAfter = now.plus(ttl);
        Instant caEnd = certificate.getNotAfter().toInstant();
        // back-dated for clocks a little behind, by a quarter of a short lifetime at most: agents renew after
        // two thirds of notBefore → notAfter, which must lie ahead of the issue
        Duration backdate = ttl.dividedBy(4).compareTo(BACKDATE) < 0 ? ttl.dividedBy(4) : BACKDATE;
        return signer.leaf(certificate, key, subjectKey, cn, names, now.minus(backdate),
                notAfter.isAfter(caEnd) ? caEnd : notAfter);
    }

    private static void checkLeaf(String cn, Duration ttl) {
        Validator v = new Validator();
        v.check(cn != null && !cn.isBlank(), "nodeId", "is required: the node's id becomes the certificate's CN");
        v.check(ttl != null && ttl.compareTo(Duration.ZERO) > 0, "ttl", "must be more than 0, e.g. 90d");
        v.throwIfInvalid();
    }

    @Override
    public String toString() {
        return "ClusterCa[" + fingerprint() + ", key=***]";
    }
}
