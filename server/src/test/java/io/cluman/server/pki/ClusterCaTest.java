package io.cluman.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.security.SecretBox;
import io.cluman.server.security.SecretKeyFile;
import io.cluman.store.KvStore;
import io.cluman.store.KvStores;
import io.cluman.store.repo.Repositories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster CA over a real embedded store: made once, shared, sealed, and what it signs. */
class ClusterCaTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private KvStore store;
    private Repositories repos;
    private SecretBox box;

    @BeforeEach
    void open() {
        store = KvStores.open("embedded", dir, InstantSource.system());
        repos = Repositories.over(store);
        box = SecretKeyFile.inDataDir(dir, random);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private ClusterCa ca() {
        return ClusterCa.loadOrCreate(repos.pki(), box, InstantSource.system(), random);
    }

    @Test
    void isMadeOnceAsAnEcCaValidTenYears() throws Exception {
        X509Certificate cert = ca().certificate();

        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=Cluman cluster CA");
        assertThat(cert.getBasicConstraints()).as("CA:true").isGreaterThanOrEqualTo(0);
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(EcKeys.isP256(cert.getPublicKey())).isTrue();
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofDays(3650));
        cert.verify(cert.getPublicKey());
        assertThat(ca().fingerprint()).isEqualTo(CaPin.fingerprint(cert));
    }

    @Test
    void theKeyIsStoredSealedNeverInClear() {
        ClusterCa ca = ca();
        String everything = store.range("").kvs().stream()
                .map(kv -> new String(kv.value(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
        assertThat(everything).contains("BEGIN CERTIFICATE").contains("v1:" + box.keyId() + ":")
                .doesNotContain("PRIVATE KEY");
        assertThat(ca.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void serversStartingTogetherOnOneStoreShareOneCa() throws Exception {
        Callable<String> start = () -> ClusterCa.loadOrCreate(Repositories.over(store).pki(), box,
                InstantSource.system(), new SecureRandom()).fingerprint();
        List<String> seen = new java.util.ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> f : pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> start).toList())) {
                seen.add(f.get());
            }
        }
        assertThat(seen).hasSize(8).containsOnly(seen.getFirst());
        assertThat(ca().fingerprint()).as("a later start reads the same CA").isEqualTo(seen.getFirst());
    }

    @Test
    void anotherMasterKeyIsAClearError() throws Exception {
        ca();
        SecretBox other = SecretKeyFile.inDataDir(Files.createDirectory(dir.resolve("other")), random);

        assertThatThrownBy(() -> ClusterCa.loadOrCreate(repos.pki(), other, InstantSource.system(), random))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cluster CA").hasMessageContaining("--secret-key-file")
                .hasMessageContaining("CLUMAN_MASTER_KEY").hasMessageContaining(other.keyId());
    }

    @Test
    void signsANodeCertificateWithTheNodesNamesAndBothUsages() throws Exception {
        ClusterCa ca = ca();
        KeyPair keys = EcKeys.generate(random);
        String pem = ca.signNode(Csr.pem(Csr.create(keys, "whatever")), "n-abc", "worker-1",
                List.of("10.0.0.5", "worker-1.example", "::1"), Duration.ofDays(90));

        X509Certificate cert = Pem.certificate(pem);
        cert.verify(ca.certificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=n-abc");
        assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .containsExactly("worker-1", "10.0.0.5", "worker-1.example", "0:0:0:0:0:0:0:1");
        assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(cert.getSerialNumber().bitLength()).isGreaterThan(64);
        assertThat(cert.getNotBefore().toInstant()).isBefore(java.time.Instant.now().minusSeconds(50));
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(90).plusMinutes(1));
    }

    @Test
    void refusesACsrSignedByAnotherKeyThanItNames() throws Exception {
        KeyPair named = EcKeys.generate(random);
        KeyPair signer = EcKeys.generate(random);
        PKCS10CertificationRequest honest = Csr.create(signer, "n");
        PKCS10CertificationRequest forged = new PKCS10CertificationRequest(
                new org.bouncycastle.asn1.pkcs.CertificationRequest(
                        new org.bouncycastle.asn1.pkcs.CertificationRequestInfo(
                                honest.getSubject(),
                                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                                        named.getPublic().getEncoded()),
                                new org.bouncycastle.asn1.DERSet()),
                        honest.getSignatureAlgorithm(),
                        new org.bouncycastle.asn1.DERBitString(honest.getSignature())));

        assertRefusedOnCsr(() -> ca().signNode(forged, "n-1", "w", List.of(), Duration.ofDays(1)), "not signed");
        ca().signNode(honest, "n-1", "w", List.of(), Duration.ofDays(1));
        assertRefusedOnCsr(() -> ca().signNode(forged, "n-1", "w", List.of(), Duration.ofDays(1)), "not signed");
        assertThat(ca().signNode(honest, "n-2", "w", List.of(), Duration.ofDays(1))).as("checked once, signed twice")
                .isNotBlank();
    }

    @Test
    void refusesRsaAndOtherCurvesAndTextThatIsNoCsr() throws Exception {
        PKCS10CertificationRequest rsa = csrOf("RSA", new java.security.spec.RSAKeyGenParameterSpec(2048,
                java.security.spec.RSAKeyGenParameterSpec.F4), "SHA256withRSA");
        PKCS10CertificationRequest p384 = csrOf("EC", new java.security.spec.ECGenParameterSpec("secp384r1"),
                "SHA384withECDSA");

        assertRefusedOnCsr(() -> ca().signNode(rsa, "n-1", "w", List.of(), Duration.ofDays(1)), "RSA");
        assertRefusedOnCsr(() -> ca().signNode(p384, "n-1", "w", List.of(), Duration.ofDays(1)), "P-256");
        assertRefusedOnCsr(() -> ca().signNode("hello", "n-1", "w", List.of(), Duration.ofDays(1)), "PEM");
    }

    /** An honest CSR for a key the cluster does not take. */
    private static PKCS10CertificationRequest csrOf(String algorithm, java.security.spec.AlgorithmParameterSpec spec,
                                                    String signature) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(spec);
        KeyPair keys = generator.generateKeyPair();
        return new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=n"), keys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(signature).build(keys.getPrivate()));
    }

    @Test
    void refusesBadNamesAndTtlNamingTheField() {
        String csr = Csr.pem(Csr.create(EcKeys.generate(random), "n"));
        assertThatThrownBy(() -> ca().signNode(csr, "n-1", "w", List.of("not a host!"), Duration.ofDays(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("addresses"));
        assertThatThrownBy(() -> ca().signNode(csr, "n-1", "w", List.of(), Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("ttl"));
    }

    @Test
    void issuesAServerIdentity() throws Exception {
        ClusterCa ca = ca();
        TlsIdentity server = ca.issueServer(List.of("127.0.0.1", "cluman.example"), Duration.ofDays(30));

        X509Certificate cert = server.certificate();
        cert.verify(ca.certificate().getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=cluman-server");
        assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(TlsIdentity.fromPem(server.keyPem(), server.chainPem()).certificate()).isEqualTo(cert);
        assertThat(server.toString()).doesNotContain("PRIVATE");
    }

    private static void assertRefusedOnCsr(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String says) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("csr");
            assertThat(e.errors().getFirst().message()).contains(says);
        });
    }
}
