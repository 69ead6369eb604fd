package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.client.ApiException;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-address limits over HTTP: failed authentications and join attempts end in 429 with Retry-After. */
class RateLimitApiTest {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        ApiOptions small = ApiOptions.DEFAULTS.withAuthFailureRate(new RateLimit(0.1, 3))
                .withJoinRate(new RateLimit(0.1, 2));
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofSeconds(3))
                .withApi(small));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void burstOfBadTokensEndsIn429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("GET", "/v1/nodes", null, "clm_guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = server.send("GET", "/v1/nodes", null, "clm_guess-again");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).get().satisfies(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 10L));
        assertThat(limited.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = ApiJson.MAPPER.readTree(limited.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("wrong, unknown or expired token", "retry in",
                "Retry-After");
    }

    @Test
    void validTokenIsNeverLimitedEvenFromALimitedAddress() {
        for (int i = 0; i < 5; i++) {
            server.send("GET", "/v1/nodes", null, "clm_wrong");
        }
        assertThat(server.send("GET", "/v1/nodes", null, "clm_wrong").statusCode()).isEqualTo(429);
        for (int i = 0; i < 20; i++) {
            assertThat(server.send("GET", "/v1/nodes", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void missingTokenIsNoGuessAndStays401() {
        for (int i = 0; i < 10; i++) {
            assertThat(server.send("GET", "/v1/nodes", null, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void joinAttemptsPastTheBudgetGet429() {
        FakeAgents.join(server.agent(), "a", Map.of());
        FakeAgents.join(server.agent(), "b", Map.of());
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> FakeAgents.join(server.agent(), "c", Map.of()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problem().detail()).contains("too many join attempts", "--join-rate");
        assertThat(server.admin().nodes(Map.of())).hasSize(2);
    }
}
