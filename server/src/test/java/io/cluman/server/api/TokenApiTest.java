package io.cluman.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.TokenCreated;
import io.cluman.model.api.TokenRequest;
import io.cluman.model.event.Event;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens with roles over HTTP: who may do what, expiry, revocation, the value shown once, the audit trail. */
class TokenApiTest {
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

    private String token(String name, String role, String ttl) {
        TokenCreated made = admin.createToken(new TokenRequest(name, role, ttl));
        assertThat(made.token()).startsWith("clm_").hasSize(4 + 43);
        return made.token();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        return server.send(method, path, body, token);
    }

    /** Mirrors follow the store asynchronously: a new or revoked token takes effect within moments. */
    private void awaitStatus(String method, String path, String token, int status) {
        await().atMost(Duration.ofSeconds(5)).until(() -> send(method, path, null, token).statusCode() == status);
    }

    @Test
    void theCurrentTokenSaysWhoItSpeaksFor() throws Exception {
        String viewer = token("ui", "viewer", "1h");
        awaitStatus("GET", "/v1/tokens/current", viewer, 200);
        JsonNode me = ApiJson.MAPPER.readTree(send("GET", "/v1/tokens/current", null, viewer).body());
        assertThat(me.get("name").asText()).isEqualTo("ui");
        assertThat(me.get("role").asText()).isEqualTo("viewer");
        assertThat(me.get("expiresAt").isNull()).isFalse();
        JsonNode root = ApiJson.MAPPER.readTree(server.send("GET", "/v1/tokens/current", null).body());
        assertThat(root.get("role").asText()).isEqualTo("admin");

        HttpResponse<String> none = send("GET", "/v1/tokens/current", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send("GET", "/v1/tokens/current", null, "clm_nonsense").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/v1/tokens/current", "{}", viewer).statusCode()).isEqualTo(405);
    }

    @Test
    void noTokenIsUnauthorized() {
        assertThat(send("GET", "/v1/nodes", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/nodes", null, "clm_nonsense").statusCode()).isEqualTo(401);
    }

    @Test
    void viewerReadsButCannotChange() {
        String viewer = token("dash", "viewer", null);
        awaitStatus("GET", "/v1/nodes", viewer, 200);
        assertThat(send("GET", "/v1/clusters", null, viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> post = send("POST", "/v1/clusters", "{\"name\":\"x\"}", viewer);
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("needs role operator").contains("'dash' has role viewer");
        assertThat(send("GET", "/v1/tokens", null, viewer).statusCode()).isEqualTo(403);
    }

    @Test
    void operatorRunsWorkloadsButNotTokensNorRegistries() {
        String operator = token("ops", "operator", "1h");
        awaitStatus("GET", "/v1/nodes", operator, 200);
        assertThat(send("POST", "/v1/clusters", "{\"name\":\"prod\",\"description\":\"p\"}", operator).statusCode())
                .isEqualTo(201);
        HttpResponse<String> tokens = send("POST", "/v1/tokens", "{\"name\":\"mine\",\"role\":\"admin\"}", operator);
        assertThat(tokens.statusCode()).isEqualTo(403);
        assertThat(tokens.body()).contains("needs role admin");
        assertThat(send("POST", "/v1/registries", "{\"name\":\"local\",\"url\":\"127.0.0.1:5000\"}", operator)
                .statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/v1/registries/local", null, operator).statusCode()).isEqualTo(403);
        assertThat(admin.tokens()).extracting(t -> t.name()).doesNotContain("mine");
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String brief = token("brief", "viewer", "300ms");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> r = send("GET", "/v1/nodes", null, brief);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("'brief' expired");
        });
    }

    @Test
    void revokedTokenIsUnauthorized() {
        String gone = token("gone", "admin", "1d");
        awaitStatus("GET", "/v1/nodes", gone, 200);
        admin.deleteToken("gone");
        awaitStatus("GET", "/v1/nodes", gone, 401);
        assertThat(admin.tokens()).extracting(t -> t.name()).containsExactly("bootstrap-admin", "join");
    }

    @Test
    void valueIsShownOnceAndNeverStored() {
        String value = token("ci", "operator", "24h");
        String listed = send("GET", "/v1/tokens", null, server.wiring().adminToken()).body();
        assertThat(listed).contains("\"ci\"", "operator", "expiresAt").doesNotContain(value, "sha256");
        String everything = server.wiring().store().range("").kvs().stream()
                .map(kv -> new String(kv.value(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
        assertThat(everything).contains("\"ci\"").doesNotContain(value);
    }

    @Test
    void mutationsAreAuditedWithTheTokenName() {
        String operator = token("deployer", "operator", null);
        awaitStatus("GET", "/v1/nodes", operator, 200);
        assertThat(send("POST", "/v1/clusters", "{\"name\":\"audited\",\"description\":\"\"}", operator)
                .statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<Event> audit = admin.events(Map.of("topic", "audit"));
            assertThat(audit).anySatisfy(e -> {
                assertThat(e.objectId()).isEqualTo("deployer");
                assertThat(e.attributes()).containsEntry("method", "POST").containsEntry("path", "/v1/clusters")
                        .containsKey("from");
            });
            assertThat(audit).anySatisfy(e -> assertThat(e.attributes()).containsEntry("who", "bootstrap-admin")
                    .containsEntry("path", "/v1/tokens"));
        });
        assertThat(admin.events(Map.of("topic", "audit"))).noneMatch(e -> e.attributes().get("method").equals("GET"));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String adminToken = server.wiring().adminToken();
        assertBad(send("POST", "/v1/tokens", "{\"name\":\"Bad Name\",\"role\":\"viewer\"}", adminToken), 400, "name");
        assertBad(send("POST", "/v1/tokens", "{\"name\":\"a\",\"role\":\"root\"}", adminToken), 400, "role");
        assertBad(send("POST", "/v1/tokens", "{\"name\":\"a\",\"role\":\"agent\"}", adminToken), 400, "role");
        assertBad(send("POST", "/v1/tokens", "{\"name\":\"a\",\"role\":\"viewer\",\"ttl\":\"soon\"}", adminToken),
                400, "ttl");
        assertBad(send("POST", "/v1/tokens", "{\"name\":\"a\",\"role\":\"viewer\",\"ttl\":\"0s\"}", adminToken),
                400, "ttl");
        assertThat(admin.tokens()).hasSize(2);
        token("twice", "viewer", null);
        assertBad(send("POST", "/v1/tokens", "{\"name\":\"twice\",\"role\":\"admin\"}", adminToken), 409, "name");
        assertThat(send("DELETE", "/v1/tokens/nobody", null, adminToken).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/v1/tokens/bootstrap-admin", null, adminToken).statusCode()).isEqualTo(409);
        assertThat(admin.tokens()).hasSize(3);
    }

    private static void assertBad(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }
}
