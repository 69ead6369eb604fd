package io.cluman.cli.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cluman.cli.FakeServer;
import io.cluman.cli.Run;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The health options of {@code container run}, and health in {@code ls} and {@code show}. */
class ContainerHealthCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = """
            {"id":"api","name":"api","node":"n-1",
             "spec":{"name":"api","driver":"docker","image":"my/api:2",
                     "healthcheck":{"type":"http","port":8080,"path":"/health","interval":"PT5S","timeout":"PT2S",
                                    "retries":4,"startPeriod":"PT0S"}},
             "desired":"RUNNING","status":"RUNNING","health":"%s",%s"restarts":0,"generation":1,
             "createdAt":"%s","revision":3}""";

    private final FakeServer server = FakeServer.started();

    @AfterEach
    void stop() {
        server.close();
    }

    private Run run(String sub, String... rest) {
        return server.run("container", sub, rest);
    }

    private static String api(String health, String reason) {
        return API.formatted(health, reason == null ? "" : "\"healthReason\":\"" + reason + "\",",
                Instant.now().minusSeconds(60));
    }

    private JsonNode sentHealthcheck() throws IOException {
        return JSON.readTree(server.requests.get(0).body()).get("healthcheck");
    }

    @Test
    void anHttpCheckWithItsTimingIsSent() throws IOException {
        server.on("POST /v1/containers", 201, api("starting", null));

        Run run = run("run", "--name", "api", "--health-http", "8080/health", "--health-interval", "5s",
                "--health-timeout", "2s", "--health-retries", "4", "--health-start-period", "1m", "my/api:2");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sentHealthcheck().toString()).isEqualTo("{\"type\":\"http\",\"command\":null,\"port\":8080,"
                + "\"path\":\"/health\",\"interval\":\"5s\",\"timeout\":\"2s\",\"retries\":4,\"startPeriod\":\"1m\"}");
        assertThat(run.out()).containsPattern("(?m)^healthcheck: +http GET http://127.0.0.1:8080/health every 5s,"
                + " timeout 2s, 4 retries$").containsPattern("(?m)^health: +starting$");
    }

    @Test
    void aCommandCheckIsOneShellLineAndATcpCheckAPort() throws IOException {
        server.on("POST /v1/containers", 201, api("starting", null), api("starting", null));

        assertThat(run("run", "--health-cmd", "test -f /tmp/ready", "my/api:2").code()).isZero();
        assertThat(sentHealthcheck().get("type").asText()).isEqualTo("command");
        assertThat(sentHealthcheck().get("command").toString()).isEqualTo("[\"test -f /tmp/ready\"]");

        assertThat(run("run", "--health-tcp", "5432", "postgres:17").code()).isZero();
        JsonNode tcp = JSON.readTree(server.requests.get(1).body()).get("healthcheck");
        assertThat(tcp.get("type").asText()).isEqualTo("tcp");
        assertThat(tcp.get("port").asInt()).isEqualTo(5432);
        assertThat(tcp.get("path").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--health-tcp 1 --health-cmd true | Give one health check, not --health-cmd and --health-tcp",
        "--health-interval 5s | need a check: --health-cmd, --health-http or --health-tcp",
        "--health-tcp 80 --health-interval 5x | '5x' is not a duration such as 10s",
        "--health-http 80health | '80health' is not PORT[/PATH]",
        "--health-cmd ' ' | --health-cmd is empty"})
    void badHealthOptionsAreUsageErrorsAndSendNothing(String options, String error) {
        List<String> args = new ArrayList<>(List.of(options.contains("' '") ? new String[] {"--health-cmd", " "}
                : options.split(" ")));
        args.add("my/api:2");

        Run run = run("run", args.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(error);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void lsHasAHealthColumnAndShowTheHealthAndItsReason() {
        server.on("GET /v1/containers", 200, "[" + api("unhealthy", "GET http://127.0.0.1:8080/health answered 503")
                + "]");
        server.on("GET /v1/containers/api", 200, api("unhealthy", "GET http://127.0.0.1:8080/health answered 503"));

        Run ls = run("ls");
        Run show = run("show", "api");

        assertThat(ls.out()).containsPattern("(?m)^NAME +NODE +DRIVER +IMAGE/COMMAND +STATUS +HEALTH ")
                .containsPattern("(?m)^api +n-1 +docker +my/api:2 +RUNNING +unhealthy ");
        assertThat(show.out()).containsPattern("(?m)^health: +unhealthy$")
                .containsPattern("(?m)^health reason: +GET http://127.0.0.1:8080/health answered 503$");
    }
}
