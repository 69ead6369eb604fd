package io.cluman.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cluman.cli.FakeServer;
import io.cluman.cli.Run;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check commands against a {@link FakeServer}: what they send, print, and exit with. */
class CheckCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = """
            {"name":"db","type":"tcp","target":"db.internal:5432","interval":"10s","timeout":"2s","cluster":"prod",
             "node":"n-1","nodeName":"worker-1","dispatchedAt":"%s","status":"failing",
             "last":{"check":"db","passed":false,"output":"connection refused","durationMs":3,"at":"%s"},
             "createdAt":"%s"}""";

    private FakeServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String db() {
        return DB.formatted(Instant.now().minusSeconds(120), Instant.now().minusSeconds(4),
                Instant.now().minusSeconds(300));
    }

    @Test
    void addSendsTheProbeAndPrintsWhereItRuns() throws IOException {
        server.on("POST /v1/checks", 201, db());

        Run run = server.run("check", "add", "db", "--tcp", "db.internal:5432", "--interval", "10s", "--timeout", "2s",
                "--cluster", "prod");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = JSON.readTree(server.requests.get(0).body());
        assertThat(body.get("name").asText()).isEqualTo("db");
        assertThat(body.get("type").asText()).isEqualTo("tcp");
        assertThat(body.get("target").asText()).isEqualTo("db.internal:5432");
        assertThat(body.get("interval").asText()).isEqualTo("10s");
        assertThat(body.get("cluster").asText()).isEqualTo("prod");
        assertThat(run.out()).containsPattern("(?m)^probe: +tcp db.internal:5432$")
                .containsPattern("(?m)^node: +worker-1 \\(n-1\\), since 2m ago$")
                .containsPattern("(?m)^last run: +4s ago, 3 ms: connection refused$");
    }

    @Test
    void httpIsTheOtherProbeAndExactlyOneIsGiven() throws IOException {
        server.on("POST /v1/checks", 201, db());

        Run run = server.run("check", "add", "api", "--http", "http://api:8080/health");
        Run none = server.run("check", "add", "x");
        Run both = server.run("check", "add", "x", "--http", "http://a", "--tcp", "a:1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(server.requests.get(0).body()).get("type").asText()).isEqualTo("http");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--http=URL").contains("--tcp=HOST:PORT");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void lsPrintsATableAndDispatchNamesTheDanglingChecks() {
        server.on("GET /v1/checks", 200, "[" + db() + "]");
        server.on("GET /v1/checks/dispatch", 200, "{\"nodes\":{\"n-1\":[\"db\",\"web\"]},\"dangling\":[\"cache\"]}");

        Run ls = server.run("check", "ls");
        Run dispatch = server.run("check", "dispatch");

        assertThat(ls.code()).as(ls.err()).isZero();
        assertThat(ls.out()).containsPattern("(?m)^NAME +TYPE +TARGET +EVERY +NODE +STATUS +LAST-RUN$")
                .containsPattern("(?m)^db +tcp +db.internal:5432 +10s +worker-1 +failing +4s ago$");
        assertThat(dispatch.code()).as(dispatch.err()).isZero();
        assertThat(dispatch.out()).containsPattern("(?m)^n-1 +db, web$").containsPattern("(?m)^\\(dangling\\) +cache$");
    }

    @Test
    void rmRemovesAndAnUnknownCheckExitsWithOne() {
        server.on("DELETE /v1/checks/db", 204, "");
        server.on("GET /v1/checks/nope", 404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"check 'nope' does"
                + " not exist\"}");

        Run rm = server.run("check", "rm", "db");
        Run show = server.run("check", "show", "nope");

        assertThat(rm.out()).isEqualTo("removed check db\n");
        assertThat(show.code()).isEqualTo(1);
        assertThat(show.err()).isEqualTo("error: Not found: check 'nope' does not exist\n");
    }
}
