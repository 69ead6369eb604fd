package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.CaPin;
import io.cluman.client.tls.Pem;
import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.api.JoinTokenView;
import io.cluman.model.event.Event;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/tokens/join} and {@code /v1/ca} over HTTP on a real server. */
class JoinTokenApiTest {
    @TempDir
    Path dir;
    private TestServer server;
    private ClumanClient admin;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createListRevoke() {
        JoinTokenCreated made = admin.createJoinToken(new JoinTokenRequest("1h", 1, "rack 4"));
        assertThat(made.token()).startsWith("CLJ1-" + server.wiring().clusterCa().pin() + "-");
        assertThat(made.maxUses()).isEqualTo(1);

        assertThat(admin.joinTokens()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(made.id());
            assertThat(t.description()).isEqualTo("rack 4");
            assertThat(t.state()).isEqualTo("active");
        });
        String listed = server.send("GET", "/v1/tokens/join", null).body();
        assertThat(listed).doesNotContain(made.token(), "sha256");

        HttpResponse<String> revoked = server.send("DELETE", "/v1/tokens/join/" + made.id(), null);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(admin.joinTokens()).extracting(JoinTokenView::state).containsExactly("revoked");
        assertThat(server.send("DELETE", "/v1/tokens/join/k-nothere", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theValueIsShownOnceAndNeverStored() {
        JoinTokenCreated made = admin.createJoinToken(new JoinTokenRequest(null, null, null));
        String everything = server.wiring().store().range("").kvs().stream()
                .map(kv -> new String(kv.value(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
        assertThat(everything).contains(made.id()).doesNotContain(made.token());
        assertThat(admin.joinTokens()).extracting(JoinTokenView::maxUses, JoinTokenView::expiresAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, null));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        assertBad("{\"uses\":0}", "uses");
        assertBad("{\"uses\":-3}", "uses");
        assertBad("{\"ttl\":\"soon\"}", "ttl");
        assertBad("{\"ttl\":\"0s\"}", "ttl");
        assertBad("{\"ttl\":\"400d\"}", "ttl");
        assertThat(admin.joinTokens()).isEmpty();
        assertThat(server.wiring().store().range(io.cluman.store.repo.KeySpace.JOIN_TOKENS).kvs()).isEmpty();
    }

    @Test
    void onlyAdminsManageJoinTokensAndTheBootstrapTokensStayApart() {
        String viewer = admin.createToken(new io.cluman.model.api.TokenRequest("dash", "viewer", null)).token();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.send("GET", "/v1/nodes", null, viewer).statusCode() == 200);
        assertThat(server.send("GET", "/v1/tokens/join", null, viewer).statusCode()).isEqualTo(403);
        assertThat(server.send("POST", "/v1/tokens/join", "{}", viewer).statusCode()).isEqualTo(403);
        assertThat(server.send("POST", "/v1/tokens/join", "{}", null).statusCode()).isEqualTo(401);
        assertThat(server.send("GET", "/v1/tokens/join", null, server.wiring().joinToken()).statusCode())
                .isEqualTo(403);
        assertThat(server.send("DELETE", "/v1/tokens/join", null).statusCode())
                .as("the bootstrap token named join, refused as before").isEqualTo(409);
        assertThat(admin.tokens()).extracting(t -> t.name()).contains("join", "dash");
    }

    @Test
    void creationAndRevocationAreAudited() {
        JoinTokenCreated made = admin.createJoinToken(new JoinTokenRequest("1h", null, null));
        admin.revokeJoinToken(made.id());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(admin.events(Map.of("topic", "audit")))
                .extracting(Event::attributes)
                .anySatisfy(a -> assertThat(a).containsEntry("method", "POST").containsEntry("path", "/v1/tokens/join"))
                .anySatisfy(a -> assertThat(a).containsEntry("method", "DELETE")
                        .containsEntry("path", "/v1/tokens/join/" + made.id())));
    }

    @Test
    void caIsPublicAndMatchesTheTokensPin() throws Exception {
        HttpResponse<String> response = server.send("GET", "/v1/ca", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ca = ApiJson.MAPPER.readTree(response.body());
        var cert = Pem.certificate(ca.get("certificate").asText());
        assertThat(ca.get("sha256").asText()).isEqualTo(CaPin.fingerprint(cert))
                .isEqualTo(server.wiring().clusterCa().fingerprint());
        assertThat(CaPin.matches(admin.createJoinToken(new JoinTokenRequest(null, 1, null)).token(), cert)).isTrue();
        assertThat(admin.ca().sha256()).isEqualTo(ca.get("sha256").asText());
    }

    @Test
    void theCaSurvivesARestart() {
        String before = server.wiring().clusterCa().fingerprint();
        server.close();
        server = new TestServer(dir);
        assertThat(server.wiring().clusterCa().fingerprint()).isEqualTo(before);
    }

    private void assertBad(String body, String field) {
        HttpResponse<String> r = server.send("POST", "/v1/tokens/join", body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
    }
}
