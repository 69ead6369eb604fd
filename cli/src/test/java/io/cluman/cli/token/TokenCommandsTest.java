package io.cluman.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.cli.FakeServer;
import io.cluman.cli.Main;
import io.cluman.cli.Run;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cluman token create | ls | rm} against a {@link FakeServer}: what they send and print. */
class TokenCommandsTest {
    private static final String CI = "{\"name\":\"ci\",\"role\":\"operator\",\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"expiresAt\":\"2026-01-02T00:00:00Z\"}";
    private static final String DASH = "{\"name\":\"dash\",\"role\":\"viewer\",\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"expiresAt\":null}";

    private FakeServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Run run(String... args) {
        return Run.against(server.url(), args);
    }

    @Test
    void createSendsNameRoleTtlAndPrintsTheValueOnce() {
        server.on("POST /v1/tokens", 201, CI.replace("}", ",\"token\":\"clm_secretvalue\"}"));

        Run run = run("token", "create", "ci", "--role", "operator", "--ttl", "24h");

        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).body()).contains("\"name\":\"ci\"", "\"role\":\"operator\"",
                "\"ttl\":\"24h\"");
        assertThat(run.out().lines().toList()).first().isEqualTo("clm_secretvalue");
        assertThat(run.out()).contains("role operator", "it will not be shown again");
    }

    @Test
    void createNeedsARole() {
        Run run = run("token", "create", "ci");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--role");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void lsPrintsATableOrJson() {
        server.on("GET /v1/tokens", 200, "[" + CI + "," + DASH + "]");

        Run table = run("token", "ls");
        Run json = run("token", "ls", "-o", "json");

        assertThat(table.out().lines().toList()).containsExactly(
                "NAME  ROLE      CREATED               EXPIRES",
                "ci    operator  2026-01-01T00:00:00Z  2026-01-02T00:00:00Z",
                "dash  viewer    2026-01-01T00:00:00Z  never");
        assertThat(json.out()).startsWith("[").contains("\"role\" : \"viewer\"");
    }

    @Test
    void rmRevokesByName() {
        server.on("DELETE /v1/tokens/ci", 204, "");

        Run run = run("token", "rm", "ci");

        assertThat(run.code()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).method()).isEqualTo("DELETE");
        assertThat(run.out()).contains("revoked token ci");
    }

    @Test
    void tokenIsACommandOfCluman() {
        assertThat(Run.of("--help").out()).contains("token");
        assertThat(Run.of("token", "--help").out()).contains("create", "ls", "rm");
    }
}
