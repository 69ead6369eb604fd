package io.cluman.cli.service;

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

/** {@code cluman service autoscale} and {@code service autoscalers} against a {@link FakeServer}. */
class ServiceAutoscaleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB = """
            {"service":"web","min":2,"max":10,"metric":"cpu","target":70.0,"window":"1m","scaleDownDelay":"5m",
             "replicas":4,"current":91.5,"recommended":6,
             "reason":"cpu 92%% of target 70%%: 6 replica(s) would carry it",
             "evaluatedAt":"%s","scaledAt":"%s"}""";

    private FakeServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String web() {
        return WEB.formatted(Instant.now().minusSeconds(5), Instant.now().minusSeconds(120));
    }

    @Test
    void setsAPolicyAndPrintsIt() throws IOException {
        server.on("PUT /v1/services/web/autoscale", 200, web());

        Run run = server.run("service", "autoscale", "web", "--min", "2", "--max", "10", "--cpu", "70",
                "--scale-down-delay", "10m");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = JSON.readTree(server.requests.get(0).body());
        assertThat(body.get("min").asInt()).isEqualTo(2);
        assertThat(body.get("max").asInt()).isEqualTo(10);
        assertThat(body.get("metric").asText()).isEqualTo("cpu");
        assertThat(body.get("target").asDouble()).isEqualTo(70.0);
        assertThat(body.get("scaleDownDelay").asText()).isEqualTo("10m");
        assertThat(body.path("window").isNull()).isTrue();
        assertThat(run.out()).containsPattern("(?m)^replicas: +4 \\(between 2 and 10\\)$")
                .containsPattern("(?m)^metric: +cpu, target 70% of the limit$")
                .containsPattern("(?m)^load now: +92%$")
                .containsPattern("(?m)^decided: +cpu 92% of target 70%: 6 replica\\(s\\) would carry it \\(5s ago\\)$")
                .containsPattern("(?m)^last scaled: +2m ago$");
    }

    @Test
    void memoryIsTheOtherMetric() throws IOException {
        server.on("PUT /v1/services/cache/autoscale", 200, web());

        Run run = server.run("service", "autoscale", "cache", "--min", "1", "--max", "4", "--memory", "80",
                "--window", "2m");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = JSON.readTree(server.requests.get(0).body());
        assertThat(body.get("metric").asText()).isEqualTo("memory");
        assertThat(body.get("target").asDouble()).isEqualTo(80.0);
        assertThat(body.get("window").asText()).isEqualTo("2m");
    }

    @Test
    void requestsTargetConnectionsPerReplica() throws IOException {
        server.on("PUT /v1/services/api/autoscale", 200, web().replace("\"metric\":\"cpu\",\"target\":70.0",
                "\"metric\":\"requests\",\"target\":50.0"));

        Run run = server.run("service", "autoscale", "api", "--min", "2", "--max", "20", "--requests", "50");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = JSON.readTree(server.requests.get(0).body());
        assertThat(body.get("metric").asText()).isEqualTo("requests");
        assertThat(body.get("target").asDouble()).isEqualTo(50.0);
        assertThat(run.out()).containsPattern("(?m)^metric: +requests, target 50 per replica$")
                .containsPattern("(?m)^load now: +92$");
    }

    @Test
    void withoutOptionsItShowsAndOffRemoves() {
        server.on("GET /v1/services/web/autoscale", 200, web());
        server.on("DELETE /v1/services/web/autoscale", 204, "");

        Run show = server.run("service", "autoscale", "web", "-o", "json");
        Run off = server.run("service", "autoscale", "web", "--off");

        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"recommended\" : 6");
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).isEqualTo("service web no longer autoscales; its count stays as it is\n");
        assertThat(server.requests.get(1).method()).isEqualTo("DELETE");
    }

    @Test
    void listsPoliciesAsATable() {
        server.on("GET /v1/autoscalers", 200, "[" + web() + "]");

        Run run = server.run("service", "autoscalers");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^SERVICE +REPLICAS +BOUNDS +METRIC +TARGET +NOW +DECIDED$")
                .containsPattern("(?m)^web +4 +2\\.\\.10 +cpu +70% +92% +cpu 92% of target 70%: 6 replica\\(s\\)");
    }

    @Test
    void incompleteOrClashingOptionsAreUsageErrorsAndSendNothing() {
        assertUsage(server.run("service", "autoscale", "web", "--min", "2", "--cpu", "70"), "Give --min, --max and");
        assertUsage(server.run("service", "autoscale", "web", "--min", "2", "--max", "3"), "one of --cpu PCT");
        assertUsage(server.run("service", "autoscale", "web", "--min", "2", "--max", "3", "--cpu", "70",
                "--memory", "80"), "mutually exclusive");
        assertUsage(server.run("service", "autoscale", "web", "--off", "--min", "2"), "--off takes no other option");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aServiceWithoutAPolicyExitsWithOne() {
        server.on("GET /v1/services/web/autoscale", 404,
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"autoscale policy 'web' does not exist\"}");

        Run run = server.run("service", "autoscale", "web");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: Not found: autoscale policy 'web' does not exist\n");
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.code()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
