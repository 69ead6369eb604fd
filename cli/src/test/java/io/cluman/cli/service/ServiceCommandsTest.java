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

/** The service commands against a {@link FakeServer}: what they send, print, and exit with. */
class ServiceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB = """
            {"name":"web","spec":{"name":"web","driver":"process","command":["/bin/sleep","3600"],"replicas":3,
              "constraints":["zone==a"],"spread":"zone","maxUnavailable":1},
             "generation":1,"desired":3,"running":2,%s
             "replicas":[{"container":"web-abcde","node":"n-1","status":"RUNNING","restarts":0,"createdAt":"%s"},
                         {"container":"web-fghij","node":"n-2","status":"RUNNING","health":"healthy","restarts":1,
                          "createdAt":"%s"},
                         {"container":"web-kmnpq","node":"n-3","status":"PENDING","restarts":0,"createdAt":"%s"}],
             "createdAt":"%s","revision":7}""";

    private FakeServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String web(String held) {
        String t = Instant.now().minusSeconds(60).toString();
        return WEB.formatted(held == null ? "" : "\"held\":\"" + held + "\",", t, t, t, t);
    }

    private JsonNode sent(int index) throws IOException {
        return JSON.readTree(server.requests.get(index).body());
    }

    @Test
    void createSendsTheContainerOptionsAndTheServiceOnesAndKeepsTheCommandsWords() throws IOException {
        server.on("POST /v1/services", 201, web(null));

        Run run = server.run("service", "create", "web", "--replicas", "3", "--spread", "zone", "--constraint",
                "zone==a", "-e", "A=1", "--restart", "always", "--driver", "process", "/bin/sh", "-c", "sleep 9",
                "--replicas", "x");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = sent(0);
        assertThat(body.get("name").asText()).isEqualTo("web");
        assertThat(body.get("replicas").asInt()).isEqualTo(3);
        assertThat(body.get("spread").asText()).isEqualTo("zone");
        assertThat(body.get("constraints").toString()).isEqualTo("[\"zone==a\"]");
        assertThat(body.get("env").toString()).isEqualTo("{\"A\":\"1\"}");
        assertThat(body.get("restart").asText()).isEqualTo("always");
        assertThat(body.get("command").toString())
                .isEqualTo("[\"/bin/sh\",\"-c\",\"sleep 9\",\"--replicas\",\"x\"]");
        assertThat(run.out()).containsPattern("(?m)^name: +web$").containsPattern("(?m)^desired: +3$");
    }

    @Test
    void createTakesADockerImageWithItsArguments() throws IOException {
        server.on("POST /v1/services", 201, web(null));
        Run run = server.run("service", "create", "api", "-p", "8080", "nginx:1.27", "-g", "daemon off;");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sent(0).get("image").asText()).isEqualTo("nginx:1.27");
        assertThat(sent(0).get("args").toString()).isEqualTo("[\"-g\",\"daemon off;\"]");
        assertThat(sent(0).get("replicas").asInt()).isEqualTo(1);
    }

    @Test
    void badCreateArgumentsAreUsageErrorsAndSendNothing() {
        assertUsage(server.run("service", "create", "web"), "Give the IMAGE to run");
        assertUsage(server.run("service", "create", "Web_1", "nginx"), "NAME 'Web_1' is not a DNS label");
        assertUsage(server.run("service", "create", "web", "--replicas", "many", "nginx"), "--replicas");
        assertUsage(server.run("service", "create", "web", "--node", "n-1", "nginx"), "Unknown option: '--node'");
        assertThat(server.requests).isEmpty();
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(message);
    }

    @Test
    void listsServicesAsATable() {
        server.on("GET /v1/services", 200, "[" + web(null).replaceAll("\"replicas\":\\[[^]]*],", "") + "]");
        Run run = server.run("service", "ls");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).first().asString().matches("NAME +DESIRED +RUNNING +IMAGE");
        assertThat(run.out()).containsPattern("(?m)^web +3 +2 +/bin/sleep 3600$");
    }

    @Test
    void showsTheSpecTheHeldReasonAndAReplicaTable() {
        server.on("GET /v1/services/web", 200, web("2 of 3 nodes of all are off"));
        Run run = server.run("service", "show", "web");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^held: +2 of 3 nodes of all are off$")
                .containsPattern("(?m)^spread: +zone$")
                .containsPattern("(?m)^  CONTAINER +NODE +STATUS +HEALTH +RESTARTS +CREATED$")
                .containsPattern("(?m)^  web-fghij +n-2 +RUNNING +healthy +1 ");
    }

    @Test
    void createSendsTheRankingAndTheAffinitiesSplitAtTheLastColon() throws IOException {
        server.on("POST /v1/services", 201, web(null));

        Run run = server.run("service", "create", "web", "--ranking", "spread", "--affinity", "zone==a:50",
                "--affinity", "host regexp ^db:[0-9]+$:-20", "busybox", "sleep", "9");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = sent(0);
        assertThat(body.get("ranking").asText()).isEqualTo("spread");
        assertThat(body.get("affinities").get(0).get("constraint").asText()).isEqualTo("zone==a");
        assertThat(body.get("affinities").get(0).get("weight").asInt()).isEqualTo(50);
        assertThat(body.get("affinities").get(1).get("constraint").asText()).isEqualTo("host regexp ^db:[0-9]+$");
        assertThat(body.get("affinities").get(1).get("weight").asInt()).isEqualTo(-20);
    }

    @Test
    void anAffinityWithoutAWeightIsAUsageError() {
        Run run = server.run("service", "create", "web", "--affinity", "zone==a", "busybox");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--affinity 'zone==a' needs a weight after the last ':'");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void showsWhatTheServiceWaitsFor() {
        server.on("GET /v1/services/web", 200, web(null).replace("\"revision\":7", "\"revision\":7,"
                + "\"waiting\":\"no room: placed 0 of 1; 1 node: 1 not ACTIVE\""));
        Run run = server.run("service", "show", "web");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^waiting: +no room: placed 0 of 1; 1 node: 1 not ACTIVE$")
                .doesNotContain("held:");
    }

    @Test
    void updatePutsTheNewSpecWithItsUpdateStrategy() throws IOException {
        server.on("PUT /v1/services/web", 200, web(null));
        Run run = server.run("service", "update", "web", "--replicas", "3", "--max-parallel", "2",
                "--min-healthy-time", "3s", "--healthy-deadline", "1m", "--auto-revert", "--canary", "1",
                "nginx:1.28");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(server.requests.get(0).method()).isEqualTo("PUT");
        JsonNode update = sent(0).get("update");
        assertThat(update.get("maxParallel").asInt()).isEqualTo(2);
        assertThat(update.get("minHealthyTime").asText()).isEqualTo("3s");
        assertThat(update.get("healthyDeadline").asText()).isEqualTo("1m");
        assertThat(update.get("autoRevert").asBoolean()).isTrue();
        assertThat(update.get("canary").asInt()).isEqualTo(1);
        assertThat(sent(0).get("image").asText()).isEqualTo("nginx:1.28");
        assertUsage(server.run("service", "update", "web", "--max-parallel", "two", "nginx"), "--max-parallel");
    }

    @Test
    void updateWithWaitFollowsTheDeploymentsJobToItsEnd() {
        String t = Instant.now().toString();
        String deployment = "\"deployments\":[{\"id\":\"d2\",\"job\":\"j-web-d2\",\"generation\":2,"
                + "\"state\":\"running\",\"startedAt\":\"" + t + "\",\"done\":0,\"total\":3,\"promoted\":true}],";
        server.on("PUT /v1/services/web", 200, web(null).replace("\"generation\":1,", deployment));
        server.on("GET /v1/jobs/j-web-d2", 200, """
                {"id":"j-web-d2","kind":"service.deployment","subject":"service web, deployment d2 of generation 2",
                 "state":"FAILED","progress":{"done":1,"total":3},"steps":[],"batchSize":0,
                 "error":"replica web-abcde is unhealthy","createdAt":"%s","revision":4}""".formatted(t));
        Run run = server.run("service", "update", "web", "--wait", "nginx:1.28");
        assertThat(run.code()).as("a failed deployment exits 1").isEqualTo(1);
        assertThat(run.err()).contains("[###-------] 1/3 FAILED");
        assertThat(run.out()).isEqualTo("job j-web-d2 service.deployment (service web, deployment d2 of generation 2):"
                + " FAILED: replica web-abcde is unhealthy\n");
    }

    @Test
    void createWithoutStrategyOptionsLeavesTheServersDefaults() throws IOException {
        server.on("POST /v1/services", 201, web(null));
        assertThat(server.run("service", "create", "api", "nginx:1.27").code()).isZero();
        assertThat(sent(0).hasNonNull("update")).isFalse();
    }

    @Test
    void scaleSendsTheCountAndRmRemoves() throws IOException {
        server.on("POST /v1/services/web/scale", 200, web(null));
        server.on("DELETE /v1/services/web", 204, "");
        Run scale = server.run("service", "scale", "web", "3");
        assertThat(scale.code()).as(scale.err()).isZero();
        assertThat(sent(0).get("replicas").asInt()).isEqualTo(3);
        assertThat(scale.out()).contains("service web scaled to 3 replica(s)");
        Run rm = server.run("service", "rm", "web");
        assertThat(rm.code()).as(rm.err()).isZero();
        assertThat(rm.out()).contains("removed service web");
        assertThat(server.requests.get(1).method()).isEqualTo("DELETE");
    }

    @Test
    void anUnknownServiceIsTheServersErrorWithExitOne() {
        server.notFound("GET /v1/services/nope", "service 'nope' does not exist");
        Run run = server.run("service", "show", "nope");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("service 'nope' does not exist");
    }
}
