package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.client.tls.EcKeys;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The node id is read from a session's certificate once and then from the session. */
class SessionNodeIdsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theFirstRequestOfASessionReadsTheCertificateLaterOnesTheSession() throws Exception {
        X509Certificate first = certificate("CN=n-first");
        AtomicInteger reads = new AtomicInteger();
        SSLSession session = session(reads);
        assertThat(SessionNodeIds.of(session, first)).isEqualTo("n-first");
        assertThat(SessionNodeIds.of(session, certificate("CN=n-other"))).as("the session's, not parsed again")
                .isEqualTo("n-first");
        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutASessionOrWithoutACnTheCertificateDecides() throws Exception {
        assertThat(SessionNodeIds.of(null, certificate("CN=n-plain"))).isEqualTo("n-plain");
        SSLSession session = session(new AtomicInteger());
        assertThat(SessionNodeIds.of(session, certificate("O=nobody"))).isEmpty();
        assertThat(SessionNodeIds.of(session, certificate("CN=n-late"))).as("an empty answer is kept too").isEmpty();
    }

    /** An SSLSession that only keeps values, counting the reads. */
    private static SSLSession session(AtomicInteger reads) {
        Map<String, Object> values = new HashMap<>();
        return (SSLSession) Proxy.newProxyInstance(SSLSession.class.getClassLoader(), new Class<?>[] {SSLSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getValue" -> {
                        reads.incrementAndGet();
                        yield values.get((String) args[0]);
                    }
                    case "putValue" -> values.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static X509Certificate certificate(String subject) throws Exception {
        KeyPair keys = EcKeys.generate(RANDOM);
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plus(1, ChronoUnit.HOURS)), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
