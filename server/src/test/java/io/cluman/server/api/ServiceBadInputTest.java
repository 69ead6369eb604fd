package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * {@code /v1/services}' bad inputs: a 4xx problem naming the field, and nothing written to the store. The
 * service that exists has no replicas, so the controller writes nothing while the cases run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceBadInputTest {
    private static final String PROC = "{\"name\": \"s\", \"driver\": \"process\", \"command\": [\"/bin/true\"]";
    private static final String PUT = "{\"driver\": \"process\", \"command\": [\"/bin/true\"]";
    private static final String AUTO = "{\"min\": 1, \"max\": 2, \"metric\": \"cpu\", \"target\": 50";
    private static final String HUGE = PROC + ", \"image\": \"" + "y".repeat(1_100_000) + "\"}";

    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new TestServer(dir);
        server.admin().createService(ServiceApiTest.sleepers("web", 0));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        String as = "/v1/services/web/autoscale";
        return Stream.of(
                // autoscale
                bad("PUT", "/v1/services/nope/autoscale", AUTO + "}", 404, null),
                bad("GET", "/v1/services/nope/autoscale", null, 404, null),
                bad("GET", as, null, 404, null),
                bad("DELETE", as, null, 404, null),
                bad("PUT", as, "{", 400, "body"),
                bad("PUT", as, "{}", 400, "min"),
                bad("PUT", as, "{}", 400, "target"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"target\": 50}", 400, "metric"),
                bad("PUT", as, "{\"min\": 0, \"max\": 2, \"metric\": \"cpu\", \"target\": 50}", 400, "min"),
                bad("PUT", as, "{\"min\": 3, \"max\": 2, \"metric\": \"cpu\", \"target\": 50}", 400, "max"),
                bad("PUT", as, "{\"min\": 1, \"max\": 10001, \"metric\": \"cpu\", \"target\": 50}", 400, "max"),
                bad("PUT", as, "{\"min\": \"two\", \"max\": 3, \"metric\": \"cpu\", \"target\": 50}", 400,
                        "min"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"metric\": \"disk\", \"target\": 50}", 400, "metric"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"metric\": \"memory\", \"target\": 50}", 400,
                        "metric"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"metric\": \"cpu\", \"target\": 0}", 400, "target"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"metric\": \"cpu\", \"target\": 1001}", 400,
                        "target"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"metric\": \"requests\", \"target\": 50}", 400,
                        "metric"),
                bad("PUT", as, "{\"min\": 1, \"max\": 2, \"metric\": \"requests\", \"target\": 100001}", 400,
                        "target"),
                bad("PUT", as, AUTO + ", \"window\": \"5s\"}", 400, "window"),
                bad("PUT", as, AUTO + ", \"window\": \"31m\"}", 400, "window"),
                bad("PUT", as, AUTO + ", \"window\": \"soon\"}", 400, "window"),
                bad("PUT", as, AUTO + ", \"scaleDownDelay\": \"25h\"}", 400, "scaleDownDelay"),
                bad("PUT", as, AUTO + ", \"scaleDownDelay\": \"-1s\"}", 400, "scaleDownDelay"),
                bad("POST", "/v1/services", "{\"name\": \"x\", ", 400, "body"),
                bad("POST", "/v1/services", null, 400, "body"),
                bad("POST", "/v1/services", "{}", 400, "name"),
                bad("POST", "/v1/services", PROC + ", \"colour\": 1}", 400, "colour"),
                bad("POST", "/v1/services", PROC.replace("\"s\"", "\"Bad_Name\"") + "}", 400, "name"),
                bad("POST", "/v1/services", PROC.replace("\"s\"", "\"" + "s".repeat(58) + "\"") + "}", 400, "name"),
                bad("POST", "/v1/services", PROC.replace("\"s\"", "\"web\"") + "}", 409, "name"),
                bad("POST", "/v1/services", PROC + ", \"replicas\": -1}", 400, "replicas"),
                bad("POST", "/v1/services", PROC + ", \"replicas\": 10001}", 400, "replicas"),
                bad("POST", "/v1/services", PROC + ", \"replicas\": \"many\"}", 400, "replicas"),
                bad("POST", "/v1/services", PROC + ", \"maxUnavailable\": -1}", 400, "maxUnavailable"),
                bad("POST", "/v1/services", PROC + ", \"update\": {\"maxParallel\": 0}}", 400, "update.maxParallel"),
                bad("POST", "/v1/services", PROC + ", \"update\": {\"maxParallel\": -2}}", 400, "update.maxParallel"),
                bad("POST", "/v1/services", PROC + ", \"update\": {\"minHealthyTime\": \"soon\"}}", 400,
                        "update.minHealthyTime"),
                bad("POST", "/v1/services", PROC + ", \"update\": {\"healthyDeadline\": \"-5s\"}}", 400,
                        "update.healthyDeadline"),
                bad("POST", "/v1/services", PROC + ", \"update\": {\"minHealthyTime\": \"1m\", "
                        + "\"healthyDeadline\": \"30s\"}}", 400, "update.healthyDeadline"),
                bad("POST", "/v1/services", PROC + ", \"replicas\": 2, \"update\": {\"canary\": 3}}", 400,
                        "update.canary"),
                bad("POST", "/v1/services", PROC + ", \"update\": {\"canary\": -1}}", 400, "update.canary"),
                bad("POST", "/v1/services/web/promote", null, 409, null),
                bad("POST", "/v1/services/nope/promote", null, 404, null),
                bad("POST", "/v1/services", PROC + ", \"constraints\": [\"zone==a\", \" \"]}", 400,
                        "constraints[1]"),
                bad("POST", "/v1/services", PROC + ", \"constraints\": [\"zone==a\", \"zone like a\"]}", 400,
                        "constraints[1]"),
                bad("POST", "/v1/services", PROC + ", \"constraints\": [\"hostname regexp web-(\"]}", 400,
                        "constraints[0]"),
                bad("PUT", "/v1/services/web", PUT + ", \"constraints\": [\"zone in a,b\"]}", 400,
                        "constraints[0]"),
                bad("POST", "/v1/services", PROC + ", \"spread\": \"no spaces\"}", 400, "spread"),
                bad("POST", "/v1/services", PROC + ", \"ranking\": \"random\"}", 400, "ranking"),
                bad("PUT", "/v1/services/web", PUT + ", \"ranking\": \"fullest\"}", 400, "ranking"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [{\"constraint\": \"zone==a\"}]}", 400,
                        "affinities[0].weight"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [{\"constraint\": \"zone==a\", \"weight\": 0}]}",
                        400, "affinities[0].weight"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [{\"constraint\": \"zone==a\", \"weight\": 101}]}",
                        400, "affinities[0].weight"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [{\"weight\": 5}]}", 400,
                        "affinities[0].constraint"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [{\"constraint\": \"zone like a\", \"weight\": 5}]}",
                        400, "affinities[0].constraint"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [null]}", 400, "affinities[0]"),
                bad("POST", "/v1/services", PROC + ", \"affinities\": [" + "{\"constraint\": \"a==b\", \"weight\": 1},"
                        .repeat(17).replaceAll(",$", "") + "]}", 400, "affinities"),
                bad("POST", "/v1/services", PROC + ", \"cluster\": \"nope\"}", 400, "cluster"),
                bad("POST", "/v1/services", "{\"name\": \"s\", \"driver\": \"docker\"}", 400, "image"),
                bad("POST", "/v1/services", "{\"name\": \"s\", \"driver\": \"process\"}", 400, "command"),
                bad("POST", "/v1/services", "{\"name\": \"s\", \"driver\": \"podman\"}", 400, "driver"),
                bad("POST", "/v1/services", PROC + ", \"resources\": {\"memory\": \"12XB\"}}", 400,
                        "resources.memory"),
                bad("POST", "/v1/services", PROC + ", \"ports\": [\"99999:1\"]}", 400, "ports[0]"),
                bad("POST", "/v1/services", PROC + ", \"restart\": \"sometimes\"}", 400, "restart"),
                bad("POST", "/v1/services", PROC + ", \"healthcheck\": {\"type\": \"http\"}}", 400,
                        "healthcheck.port"),
                bad("POST", "/v1/services", PROC + ", \"replicas\": -5, \"restart\": \"sometimes\"}", 400,
                        "restart"),
                bad("POST", "/v1/services", PROC + ", \"node\": \"n-aaaaaaaaaa\"}", 400, "node"),
                bad("POST", "/v1/services", HUGE, 413, "body"),
                bad("GET", "/v1/services/nope", null, 404, null),
                bad("PUT", "/v1/services/nope", PUT + "}", 404, null),
                bad("PUT", "/v1/services/web", PUT + ", \"name\": \"other\"}", 400, "name"),
                bad("PUT", "/v1/services/web", PUT + ", \"replicas\": 10001}", 400, "replicas"),
                bad("PUT", "/v1/services/web", "{\"driver\": \"process\"}", 400, "command"),
                bad("PUT", "/v1/services/web", null, 400, "body"),
                bad("DELETE", "/v1/services/nope", null, 404, null),
                bad("POST", "/v1/services/web/scale", "{}", 400, "replicas"),
                bad("POST", "/v1/services/web/scale", "{\"replicas\": -1}", 400, "replicas"),
                bad("POST", "/v1/services/web/scale", "{\"replicas\": 10001}", 400, "replicas"),
                bad("POST", "/v1/services/web/scale", "{\"replicas\": 1.5}", 400, "replicas"),
                bad("POST", "/v1/services/web/scale", "{\"replicas\": 1, \"count\": 2}", 400, "count"),
                bad("POST", "/v1/services/web/scale", null, 400, "body"),
                bad("POST", "/v1/services/nope/scale", "{\"replicas\": 1}", 404, null));
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
    void aBadConstraintIsRefusedWithTheSchedulersMessage() throws Exception {
        HttpResponse<String> response = server.send("POST", "/v1/services",
                PROC + ", \"constraints\": [\"zone like a\", \"hostname regexp web-(\"]}");
        assertThat(response.statusCode()).isEqualTo(400);
        var errors = ApiJson.MAPPER.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("constraints[0]", "constraints[1]");
        assertThat(errors.findValuesAsText("message")).satisfiesExactly(
                m -> assertThat(m).contains("unknown operator 'like'"),
                m -> assertThat(m).contains("invalid regexp"));
        assertThat(server.admin().services()).extracting(v -> v.name()).containsExactly("web");
    }

    @Test
    void aRefusedRequestReportsServiceAndContainerFieldsTogether() throws Exception {
        HttpResponse<String> response = server.send("POST", "/v1/services",
                PROC + ", \"replicas\": -5, \"restart\": \"sometimes\"}");
        assertThat(ApiJson.MAPPER.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("replicas", "restart");
        assertThat(server.admin().service("web").desired()).isZero();
    }
}
