package io.cluman.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.cli.FakeServer;
import io.cluman.cli.Main;
import io.cluman.cli.Run;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cluman token join create | ls | revoke} against a {@link FakeServer}: what they send and print. */
class JoinTokenCommandsTest {
    private static final String RACK = "{\"id\":\"k-abcdefghij\",\"description\":\"rack 4\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":\"2026-01-01T01:00:00Z\",\"maxUses\":1";
    private static final String OPEN = "{\"id\":\"k-zyxwvutsrq\",\"description\":\"\","
            + "\"createdAt\":\"2026-01-02T00:00:00Z\",\"expiresAt\":null,\"maxUses\":null,\"uses\":3,"
            + "\"state\":\"revoked\"}";

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
    void createSendsTtlUsesDescriptionAndPrintsTheValueOnce() {
        server.on("POST /v1/tokens/join", 201, RACK + ",\"token\":\"CLJ1-0123456789abcdef-secret\"}");

        Run run = run("token", "join", "create", "--ttl", "1h", "--uses", "1", "--description", "rack 4");

        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).body()).contains("\"ttl\":\"1h\"", "\"uses\":1",
                "\"description\":\"rack 4\"");
        assertThat(run.out().lines().toList()).first().isEqualTo("CLJ1-0123456789abcdef-secret");
        assertThat(run.out()).contains("join token k-abcdefghij (1 use, expires 2026-01-01T01:00:00Z)",
                "it will not be shown again");
    }

    @Test
    void createWithoutOptionsAsksForAnUnlimitedTokenWithoutExpiry() {
        server.on("POST /v1/tokens/join", 201, OPEN.replace("}", ",\"token\":\"CLJ1-0123456789abcdef-s\"}"));

        Run run = run("token", "join", "create");

        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).body()).doesNotContain("\"uses\":1", "\"ttl\":\"");
        assertThat(run.out()).contains("unlimited uses, no expiry");
    }

    @Test
    void createRefusesUsesThatAreNotANumber() {
        Run run = run("token", "join", "create", "--uses", "once");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--uses");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void lsPrintsATableOrJson() {
        server.on("GET /v1/tokens/join", 200, "[" + RACK + ",\"uses\":0,\"state\":\"active\"}," + OPEN + "]");

        Run table = run("token", "join", "ls");
        Run json = run("token", "join", "ls", "-o", "json");

        assertThat(table.out().lines().toList()).containsExactly(
                "ID            STATE    USES         CREATED               EXPIRES               DESCRIPTION",
                "k-abcdefghij  active   0/1          2026-01-01T00:00:00Z  2026-01-01T01:00:00Z  rack 4",
                "k-zyxwvutsrq  revoked  3/unlimited  2026-01-02T00:00:00Z  never                 -");
        assertThat(json.out()).startsWith("[").contains("\"state\" : \"revoked\"");
    }

    @Test
    void revokeDeletesById() {
        server.on("DELETE /v1/tokens/join/k-abcdefghij", 204, "");

        Run run = run("token", "join", "revoke", "k-abcdefghij");

        assertThat(run.code()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).method()).isEqualTo("DELETE");
        assertThat(run.out()).contains("revoked join token k-abcdefghij");
    }

    @Test
    void joinIsASubcommandOfToken() {
        assertThat(Run.of("token", "--help").out()).contains("join");
        assertThat(Run.of("token", "join", "--help").out()).contains("create", "ls", "revoke");
    }
}
