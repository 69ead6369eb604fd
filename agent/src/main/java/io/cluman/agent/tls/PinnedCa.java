package io.cluman.agent.tls;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.Pem;
import io.cluman.model.api.CaView;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the cluster CA a join token pins, before the first join over {@code https://}: reads
 * {@code GET /v1/ca} without checking the server's certificate (it is the certificate that is not known
 * yet), then keeps the CA only when its SHA-256 starts with the token's pin. What was read is public; the
 * pin is what makes it trusted, so a server in between that does not have the cluster's CA is found out.
 */
final class PinnedCa {
    private static final Logger LOG = LoggerFactory.getLogger(PinnedCa.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PinnedCa() {
    }

    /** The CA certificate the server at {@code joinUrl} shows, when it matches {@code token}'s pin. */
    static Optional<X509Certificate> fetch(String joinUrl, String token) {
        Optional<String> pin = CaPin.inJoinToken(token);
        if (pin.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(joinUrl.endsWith("/") ? joinUrl + "v1/ca" : joinUrl + "/v1/ca");
        try (HttpClient http = HttpClient.newBuilder().sslContext(readAnything())
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warn("cannot read the cluster CA at {}: HTTP {}", uri, answer.statusCode());
                return Optional.empty();
            }
            X509Certificate ca = Pem.certificate(JSON.readValue(answer.body(), CaView.class).certificate());
            if (!CaPin.of(ca).equals(pin.get())) {
                LOG.error("the CA at {} is not the one the join token pins ({} is not {}): not trusting it", uri,
                        CaPin.of(ca), pin.get());
                return Optional.empty();
            }
            return Optional.of(ca);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("cannot read the cluster CA at {}: {}", uri, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** For reading a public certificate whose worth the pin decides: accepts any server certificate. */
    private static SSLContext readAnything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new AnyServer()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    /** Accepts every server; used for {@code GET /v1/ca} only. */
    private static final class AnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // the pin decides
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // the pin decides
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the pin decides
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
