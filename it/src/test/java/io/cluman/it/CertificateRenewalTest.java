package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.client.ClumanClient;
import io.cluman.server.AgentPortSettings;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server and agent with 15-second node certificates: the agent renews before expiry without a
 * restart, and keeps heartbeating over mutual TLS after its first certificate has expired.
 */
class CertificateRenewalTest {
    private static final Duration TTL = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void theAgentRenewsItsCertificateBeforeItExpiresAndStaysOn() {
        ServerConfig config = ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true)
                .withOffAfter(Duration.ofSeconds(3))
                .withAgents(AgentPortSettings.DEFAULT.withPort(0).withNodeCertTtl(TTL));
        try (ServerWiring server = ServerWiring.start(config, InstantSource.system());
             AgentWiring agent = new AgentWiring(new AgentConfig(server.url(), server.joinToken(),
                     dir.resolve("agent"), "renewing", Map.of(), new LocalApiConfig("127.0.0.1", 0, null)),
                     InstantSource.system(), Map.of("PATH", System.getenv("PATH")))) {
            agent.start();
            assertThat(agent.awaitJoined(Duration.ofSeconds(30))).isTrue();
            X509Certificate first = agent.credentials().orElseThrow().certificate();
            BigInteger firstSerial = first.getSerialNumber();
            Instant firstEnd = first.getNotAfter().toInstant();

            X509Certificate renewed = await().atMost(TTL).pollInterval(Duration.ofMillis(200))
                    .until(() -> agent.credentials().orElseThrow().certificate(),
                            c -> !c.getSerialNumber().equals(firstSerial));
            assertThat(Instant.now()).as("renewed before the first expired").isBefore(firstEnd);
            assertThat(renewed.getSubjectX500Principal()).isEqualTo(first.getSubjectX500Principal());

            // past the first certificate's end (plus more than off-after): the node still heartbeats
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(firstEnd.plusSeconds(5)));
            ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
            String id = agent.nodeId().orElseThrow();
            assertThat(admin.node(id).on()).as("on, over the renewed certificate").isTrue();
            assertThat(admin.nodes(Map.of())).hasSize(1);
        }
    }
}
