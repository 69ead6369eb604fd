package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.model.api.ClusterRequest;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint's bad inputs: each gets a 4xx problem+json naming the field at fault, and the store
 * revision does not move (nothing half-written).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final String FACTS = "{\"hostname\":\"h\",\"cpus\":1,\"memoryBytes\":1}";
    private static final String METRICS = "{\"cpuPercent\":1,\"memoryUsedBytes\":1,\"memoryTotalBytes\":2,"
            + "\"diskFreeBytes\":1,\"diskTotalBytes\":2}";
    private static final String PROC = "{\"name\": \"c\", \"driver\": \"process\", \"command\": [\"/bin/true\"]";
    private static final String CHECK = "{\"name\": \"c\", \"type\": ";
    private static final String HUGE = "{\"name\":\"x\",\"description\":\"" + "y".repeat(1_100_000) + "\"}";

    TestServer server;
    String node;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofMinutes(5)));
        node = FakeAgents.join(server.agent(), "web-1", Map.of());
        server.admin().createCluster(new ClusterRequest("prod", "", null, null));
        server.admin().createCluster(new ClusterRequest("test", "", null, null));
        server.admin().addNode("prod", node);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // clusters
                bad("POST", "/v1/clusters", "{\"name\": \"x\", ", 400, "body"),
                bad("POST", "/v1/clusters", null, 400, "body"),
                bad("POST", "/v1/clusters", "{}", 400, "name"),
                bad("POST", "/v1/clusters", "{\"name\": [\"x\"]}", 400, "name"),
                bad("POST", "/v1/clusters", "{\"name\": \"Bad_Name\"}", 400, "name"),
                bad("POST", "/v1/clusters", "{\"name\": \"ok\", \"colour\": 1}", 400, "colour"),
                bad("POST", "/v1/clusters", "{\"name\": \"prod\"}", 409, "name"),
                bad("POST", "/v1/clusters", "{\"name\": \"all\"}", 400, "name"),
                bad("POST", "/v1/clusters", "{\"name\": \"x\", \"selector\": {\"bad key!\": \"v\"}}", 400, "selector"),
                bad("POST", "/v1/clusters", "{\"name\": \"x\", \"features\": [\"NOPE\"]}", 400, "features[0]"),
                bad("POST", "/v1/clusters", "{\"name\": \"x\", \"features\": [\"FORBID_NODE_ADDITION\"]}", 400,
                        "features"),
                bad("POST", "/v1/clusters", HUGE, 413, "body"),
                bad("GET", "/v1/clusters/nope", null, 404, null),
                bad("PATCH", "/v1/clusters/prod", "{\"name\": \"other\"}", 400, "name"),
                bad("PATCH", "/v1/clusters/prod", "{\"selector\": 3}", 400, "selector"),
                bad("PATCH", "/v1/clusters/nope", "{}", 404, null),
                bad("PATCH", "/v1/clusters/all", "{}", 409, "name"),
                bad("DELETE", "/v1/clusters/nope", null, 404, null),
                bad("DELETE", "/v1/clusters/orphans", null, 409, "name"),
                bad("PUT", "/v1/clusters/all/nodes/{node}", null, 409, "name"),
                bad("PUT", "/v1/clusters/test/nodes/{node}", null, 409, "nodeId"),
                bad("PUT", "/v1/clusters/test/nodes/n-aaaaaaaaaa", null, 404, null),
                bad("PUT", "/v1/clusters/nope/nodes/{node}", null, 404, null),
                bad("DELETE", "/v1/clusters/test/nodes/{node}", null, 409, null),
                // nodes
                bad("GET", "/v1/nodes?state=FLYING", null, 400, "state"),
                bad("GET", "/v1/nodes?on=maybe", null, 400, "on"),
                bad("GET", "/v1/nodes?label=novalue", null, 400, "label"),
                bad("GET", "/v1/nodes/nope", null, 404, null),
                bad("PATCH", "/v1/nodes/{node}", "{\"labels\": {\"k\": \"bad value!\"}}", 400, "labels.k"),
                bad("PATCH", "/v1/nodes/{node}", "{\"labels\": \"x\"}", 400, "labels"),
                bad("PATCH", "/v1/nodes/{node}", "{}", 400, "labels"),
                bad("PATCH", "/v1/nodes/nope", "{\"labels\": {}}", 404, null),
                bad("POST", "/v1/nodes/{node}/drain", null, 409, "operation"),
                bad("POST", "/v1/nodes/{node}/upgrade", null, 409, "operation"),
                bad("POST", "/v1/nodes/nope/commission", null, 404, null),
                bad("POST", "/v1/nodes/{node}/explode", null, 404, null),
                bad("DELETE", "/v1/nodes/{node}", null, 409, null),
                bad("DELETE", "/v1/nodes/nope", null, 404, null),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"explode\", \"selector\": {\"all\": true}}", 400,
                        "operation"),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"commission\"}", 400, "selector"),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"commission\", \"selector\": {}}", 400, "selector"),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"commission\", \"selector\": {\"all\": true},"
                        + " \"batchSize\": 0}", 400, "batchSize"),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"commission\", \"selector\": {\"ids\":"
                        + " [\"n-aaaaaaaaaa\"]}}", 400, "selector.ids[0]"),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"commission\", \"selector\": {\"cluster\":"
                        + " \"nope\"}}", 404, null),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"commission\", \"selector\": {\"labels\":"
                        + " {\"none\": \"x\"}}}", 400, "selector"),
                bad("POST", "/v1/nodes/batch", "{\"operation\": \"drain\", \"selector\": {\"all\": true}}", 409,
                        "selector"),
                bad("POST", "/v1/nodes/batch", HUGE, 413, "body"),
                // containers
                bad("GET", "/v1/containers/defaults", null, 400, "image"),
                bad("GET", "/v1/containers/defaults?image=", null, 400, "image"),
                bad("GET", "/v1/containers/defaults?image=nginx&cluster=nope", null, 400, "cluster"),
                bad("POST", "/v1/containers", "{}", 400, "name"),
                bad("POST", "/v1/containers", "{\"name\": \"c\", \"driver\": \"podman\", \"image\": \"x\"}", 400,
                        "driver"),
                bad("POST", "/v1/containers", "{\"name\": \"c\", \"driver\": \"docker\"}", 400, "image"),
                bad("POST", "/v1/containers", "{\"name\": \"c\", \"driver\": \"process\"}", 400, "command"),
                bad("POST", "/v1/containers", PROC + ", \"resources\": {\"memory\": \"12XB\"}}", 400,
                        "resources.memory"),
                bad("POST", "/v1/containers", PROC + ", \"resources\": {\"cpus\": -1}}", 400, "resources.cpus"),
                bad("POST", "/v1/containers", PROC + ", \"ports\": [\"99999:1\"]}", 400, "ports[0]"),
                bad("POST", "/v1/containers", PROC + ", \"restart\": \"sometimes\"}", 400, "restart"),
                bad("POST", "/v1/containers", PROC + ", \"node\": \"{node}\", \"cluster\": \"prod\"}", 400,
                        "node"),
                bad("POST", "/v1/containers", PROC + ", \"node\": \"n-aaaaaaaaaa\"}", 400, "node"),
                bad("POST", "/v1/containers", PROC + ", \"cluster\": \"nope\"}", 400, "cluster"),
                bad("POST", "/v1/containers", PROC + ", \"node\": \"{node}\"}", 409, "node"),
                bad("POST", "/v1/containers", PROC + ", \"cluster\": \"prod\"}", 409, "cluster"),
                bad("POST", "/v1/containers", HUGE, 413, "body"),
                bad("POST", "/v1/containers", PROC + ", \"constraints\": [\" \"]}", 400, "constraints[0]"),
                bad("POST", "/v1/containers", PROC + ", \"constraints\": [\"zone==a\", \"zone like a\"]}", 400,
                        "constraints[1]"),
                bad("POST", "/v1/containers", PROC + ", \"constraints\": [\"host regexp web-(\"]}", 400,
                        "constraints[0]"),
                bad("POST", "/v1/containers", PROC + ", \"constraints\": \"zone==a\"}", 400, "constraints"),
                bad("POST", "/v1/containers", PROC + ", \"node\": \"{node}\", \"constraints\": [\"zone==nowhere\"]}",
                        409, "node"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"ping\"}}", 400,
                        "healthcheck.type"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {}}", 400, "healthcheck.type"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": 70000}}",
                        400, "healthcheck.port"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"http\"}}", 400,
                        "healthcheck.port"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"http\", \"port\": 80,"
                        + " \"path\": \"health\"}}", 400, "healthcheck.path"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"command\"}}", 400,
                        "healthcheck.command"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": 80,"
                        + " \"command\": [\"true\"]}}", 400, "healthcheck.command"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": 80,"
                        + " \"interval\": \"5x\"}}", 400, "healthcheck.interval"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": 80,"
                        + " \"interval\": \"2s\", \"timeout\": \"5s\"}}", 400, "healthcheck.timeout"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": 80,"
                        + " \"startPeriod\": \"-1s\"}}", 400, "healthcheck.startPeriod"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": 80,"
                        + " \"retries\": 0}}", 400, "healthcheck.retries"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"port\": \"x\"}}",
                        400, "healthcheck.port"),
                bad("POST", "/v1/containers", PROC + ", \"healthcheck\": {\"type\": \"tcp\", \"prot\": 80}}",
                        400, "healthcheck.prot"),
                bad("GET", "/v1/containers/nope", null, 404, null),
                bad("GET", "/v1/containers/nope/logs", null, 404, null),
                bad("GET", "/v1/containers/nope/logs?tail=many", null, 400, "tail"),
                bad("GET", "/v1/containers/nope/logs?tail=-3", null, 400, "tail"),
                bad("GET", "/v1/containers/nope/logs?tail=1.5&follow=perhaps", null, 400, "follow"),
                bad("GET", "/v1/nodes/nope/unmanaged", null, 404, null),
                bad("DELETE", "/v1/containers/nope", null, 404, null),
                bad("POST", "/v1/containers/nope/stop", null, 404, null),
                bad("GET", "/v1/agent/assignments", null, 400, "node"),
                bad("GET", "/v1/agent/assignments?node={node}&index=abc", null, 400, "index"),
                bad("GET", "/v1/agent/assignments?node={node}&wait=forever", null, 400, "wait"),
                bad("GET", "/v1/agent/assignments?node={node}&wait=5m", null, 400, "wait"),
                bad("GET", "/v1/agent/assignments?node=n-aaaaaaaaaa", null, 403, null),
                bad("POST", "/v1/agent/status", "{\"nodeId\": \"n-aaaaaaaaaa\"}", 403, null),
                bad("POST", "/v1/agent/status", "{\"nodeId\": \"{node}\", \"tasks\": [{\"state\": \"RUNNING\"}]}",
                        400, "tasks[0].allocId"),
                bad("POST", "/v1/agent/status", "{\"nodeId\": \"{node}\", \"tasks\": [{\"allocId\": \"a\","
                        + " \"state\": \"FLYING\"}]}", 400, "tasks[0].state"),
                // jobs and events
                bad("GET", "/v1/jobs/nope", null, 404, null),
                bad("GET", "/v1/events?limit=0", null, 400, "limit"),
                bad("GET", "/v1/events?since=abc", null, 400, "since"),
                bad("GET", "/v1/events?topic=nope", null, 400, "topic"),
                bad("GET", "/v1/events?severity=LOUD", null, 400, "severity"),
                bad("GET", "/v1/events/stream?topic=nope", null, 400, "topic"),
                bad("GET", "/v1/nowhere", null, 404, null),
                // agent protocol
                bad("POST", "/v1/agent/join", "{}", 400, "facts"),
                bad("POST", "/v1/agent/join", "{\"nodeId\": \"bogus\", \"facts\": " + FACTS + "}", 400, "nodeId"),
                bad("POST", "/v1/agent/join", "{\"facts\": " + FACTS + ", \"labels\": {\"a\": \"b c\"}}", 400,
                        "labels.a"),
                bad("POST", "/v1/agent/heartbeat", "{\"nodeId\": \"n-aaaaaaaaaa\", \"metrics\": " + METRICS + "}",
                        403, null),
                bad("POST", "/v1/agent/heartbeat", "{\"nodeId\": \"{node}\"}", 400, "metrics"),
                bad("POST", "/v1/agent/heartbeat", "{\"nodeId\": \"{node}\", \"metrics\": {\"cpuPercent\":"
                        + " \"hot\"}}", 400, "metrics.cpuPercent"),
                bad("POST", "/v1/agent/stats", "{\"nodeId\": \"n-aaaaaaaaaa\", \"samples\": []}", 403, null),
                // checks
                bad("POST", "/v1/checks", "{}", 400, "name"),
                bad("POST", "/v1/checks", "{}", 400, "type"),
                bad("POST", "/v1/checks", "{}", 400, "target"),
                bad("POST", "/v1/checks", CHECK + "\"ping\", \"target\": \"db:1\"}", 400, "type"),
                bad("POST", "/v1/checks", CHECK + "\"http\", \"target\": \"ftp://db/x\"}", 400, "target"),
                bad("POST", "/v1/checks", CHECK + "\"http\", \"target\": \"http://\"}", 400, "target"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db\"}", 400, "target"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:70000\"}", 400, "target"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:1\", \"interval\": \"0s\"}", 400,
                        "interval"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:1\", \"interval\": \"2h\"}", 400,
                        "interval"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:1\", \"interval\": \"soon\"}",
                        400, "interval"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:1\", \"interval\": \"5s\","
                        + " \"timeout\": \"10s\"}", 400, "timeout"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:1\", \"cluster\": \"nope\"}", 400,
                        "cluster"),
                bad("POST", "/v1/checks", CHECK + "\"tcp\", \"target\": \"db:1\", \"colour\": 1}", 400,
                        "colour"),
                bad("GET", "/v1/checks/nope", null, 404, null),
                bad("DELETE", "/v1/checks/nope", null, 404, null),
                bad("GET", "/v1/agent/checks", null, 400, "node"),
                bad("GET", "/v1/agent/checks?node=n-aaaaaaaaaa", null, 403, null),
                bad("POST", "/v1/agent/check-results", "{\"nodeId\": \"n-aaaaaaaaaa\", \"results\": []}", 403,
                        null),
                bad("POST", "/v1/agent/stats", "{\"nodeId\": \"{node}\", \"samples\": [{\"allocId\": \"a\"}]}",
                        400, "samples[0].time"),
                bad("POST", "/v1/agent/stats", "{\"nodeId\": \"{node}\", \"samples\": [{\"allocId\": \"a\","
                        + " \"cpuPercent\": \"hot\"}]}", 400, "samples[0].cpuPercent"),
                bad("POST", "/v1/agent/stats", "{\"nodeId\": \"{node}\", \"samples\": [null]}", 400, null),
                // metrics history
                bad("GET", "/v1/metrics/containers/nope", null, 404, null),
                bad("GET", "/v1/metrics/containers/nope?step=fast", null, 400, "step"));
    }

    private static Arguments bad(String method, String path, String body, int status, String field) {
        return Arguments.of(method, path, body, status, field);
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @MethodSource("cases")
    void badInputIsAClearProblemAndWritesNothing(String method, String path, String body, int status, String field)
            throws Exception {
        long before = server.wiring().store().revision();
        String sentPath = path.replace("{node}", node);
        String sentBody = body == null ? null : body.replace("{node}", node);
        // the agent protocol (but joining) is spoken as the node, over its mutual TLS
        HttpResponse<String> response = path.startsWith("/v1/agent/") && !path.equals("/v1/agent/join")
                ? FakeAgents.send(node, method, sentPath, sentBody)
                : path.equals("/v1/agent/join") ? server.send(method, sentPath, sentBody, server.wiring().joinToken())
                : server.send(method, sentPath, sentBody);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = ApiJson.MAPPER.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
        assertThat(server.wiring().store().revision()).as("store revision after a refused request").isEqualTo(before);
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("GET", "/v1/nodes", null, 401),
                Arguments.of("GET", "/v1/nodes", "wrong", 401),
                Arguments.of("GET", "/v1/nodes", "JOIN", 403),
                Arguments.of("POST", "/v1/clusters", "JOIN", 403),
                Arguments.of("POST", "/v1/agent/join", "wrong", 401),
                Arguments.of("POST", "/v1/agent/heartbeat", null, 403),
                Arguments.of("POST", "/v1/agent/heartbeat", "ADMIN", 403),
                Arguments.of("GET", "/v1/events/stream", "wrong", 401));
    }

    @ParameterizedTest(name = "{0} {1} with token {2} -> {3}")
    @MethodSource("tokens")
    void missingWrongOrWeakTokensAreRefused(String method, String path, String token, int status) {
        long before = server.wiring().store().revision();
        String sent = "JOIN".equals(token) ? server.wiring().joinToken()
                : "ADMIN".equals(token) ? server.wiring().adminToken() : token;
        HttpResponse<String> response = server.send(method, path, "{\"facts\": " + FACTS + "}", sent);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(server.wiring().store().revision()).isEqualTo(before);
    }
}
