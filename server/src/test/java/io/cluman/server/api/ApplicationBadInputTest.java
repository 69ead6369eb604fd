package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.model.api.ApplicationRequest;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /v1/applications}' bad inputs: a 4xx problem naming the field (a path into the compose file), and
 * nothing written. The application that exists has no nodes to run on, so nothing changes while the cases run
 * (its service is held, and the one it could place has nowhere to go: that warning was written before).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationBadInputTest {
    private static final String ONE = "services:\n  web:\n    image: busybox:local\n";

    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = new TestServer(dir);
        server.admin().deployApplication(new ApplicationRequest("taken", null, "services:\n  web:\n"
                + "    image: busybox:local\n    deploy:\n      replicas: 0\n", Map.of(), Map.of()));
        server.admin().createService(ServiceApiTest.sleepers("clash-web", 0));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String body(String name, String compose) {
        try {
            return ApiJson.MAPPER.writeValueAsString(new ApplicationRequest(name, null, compose, null, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("POST", "/v1/applications", "{\"name\": \"x\"}", 400, "compose"),
                bad("POST", "/v1/applications", null, 400, "body"),
                bad("POST", "/v1/applications", "{\"compose\": \"x\", \"colour\": 1}", 400, "colour"),
                bad("POST", "/v1/applications", body("a", "services:\n  web: [\n"), 400, "file"),
                bad("POST", "/v1/applications", body("a", "services:\n  a:\n    image: x\n    depends_on: [b]\n"
                        + "  b:\n    image: x\n    depends_on: [a]\n"), 400, "services.a.depends_on"),
                bad("POST", "/v1/applications", body("a", ONE + "    depends_on: [db]\n"), 400,
                        "services.web.depends_on"),
                bad("POST", "/v1/applications", body("taken", ONE), 409, "name"),
                bad("POST", "/v1/applications", body("clash", ONE), 409, "name"),
                bad("POST", "/v1/applications", body("a", ONE + "    ports: [\"80:80\"]\n  api:\n"
                        + "    image: x\n    ports: [\"80:8080\"]\n"), 400, "services.api.ports"),
                bad("POST", "/v1/applications", body("a", ONE + "    deploy:\n      replicas: -1\n"), 400,
                        "services.web.deploy.replicas"),
                bad("POST", "/v1/applications", body("a", ONE.replace("web", "w".repeat(60))), 400,
                        "services." + "w".repeat(60)),
                bad("POST", "/v1/applications", body("a", ONE + "    restart: sometimes\n"), 400,
                        "services.web.restart"),
                bad("POST", "/v1/applications", body("Bad_Name", ONE), 400, "name"),
                bad("POST", "/v1/applications", "{\"compose\": \"" + "y".repeat(1_100_000) + "\"}", 413,
                        "compose"),
                bad("GET", "/v1/applications/nope", null, 404, null),
                bad("POST", "/v1/applications/nope/stop", null, 404, null),
                bad("POST", "/v1/applications/nope/start", null, 404, null),
                bad("DELETE", "/v1/applications/nope", null, 404, null));
    }

    private static Arguments bad(String method, String path, String body, int status, String field) {
        return Arguments.of(method, path, body, status, field);
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @MethodSource("cases")
    void badInputIsAClearProblemAndWritesNothing(String method, String path, String body, int status, String field)
            throws Exception {
        Refusals.assertRefused(server, method, path, body, status, field);
    }

    @Test
    void invalidYamlIsReportedWithItsLineAndColumn() throws Exception {
        HttpResponse<String> response = server.send("POST", "/v1/applications", body("a", "services:\n  web: [\n"));
        JsonNode problem = ApiJson.MAPPER.readTree(response.body());
        assertThat(problem.get("errors").findValuesAsText("message")).as(response.body())
                .anyMatch(m -> m.matches("(?s).*line \\d+.*column \\d+.*"));
    }

    @Test
    void everyBadServiceIsReportedAtOnce() throws Exception {
        HttpResponse<String> response = server.send("POST", "/v1/applications", body("a", ONE
                + "    restart: sometimes\n  api:\n    image: x\n    restart: often\n"));
        assertThat(ApiJson.MAPPER.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("services.web.restart", "services.api.restart");
    }

    @Test
    void tooLargeSaysWhatMustFit() throws Exception {
        HttpResponse<String> response = server.send("POST", "/v1/applications",
                "{\"compose\": \"" + "y".repeat(1_100_000) + "\"}");
        assertThat(ApiJson.MAPPER.readTree(response.body()).get("detail").asText())
                .contains("compose file, its variables and env files together");
    }
}
