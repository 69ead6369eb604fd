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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container commands against a {@link FakeServer}: what they send, print, and exit with. */
class ContainerCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB = """
            {"id":"web-1","name":"web-1","node":"n-1","cluster":"web",
             "spec":{"name":"web-1","driver":"docker","image":"nginx:1.27","args":["-g","daemon off;"],
                     "env":{"A":"1","B":"x y"},"ports":["8080:80"],"labels":{"tier":"web"},"memory":268435456,
                     "cpus":0.5,"restart":"on-failure:3","workDir":"/srv"},
             "desired":"%s","status":"%s","restarts":2,"allocId":"a-7","generation":%d,"runtimeId":"c0ffee",
             "createdAt":"%s","startedAt":"2026-11-21T12:00:05Z","revision":9}""";
    private static final String SLEEPER = """
            {"id":"sleep-1","name":"sleep-1","node":"n-2",
             "spec":{"name":"sleep-1","driver":"process","command":["/bin/sh","-c","sleep 60"]},
             "desired":"RUNNING","status":"%s","exitCode":%s,"restarts":0,"lastError":"%s","generation":1,
             "createdAt":"%s","revision":4}""";

    private FakeServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** {@code container SUB --addr URL --token secret REST...}: the options before any image or command. */
    private Run run(String sub, String... rest) {
        List<String> all = new ArrayList<>(List.of("container", sub, "--addr", server.url(), "--token", "secret"));
        all.addAll(List.of(rest));
        return Run.of(all.toArray(String[]::new));
    }

    private static String web(String desired, String status, int generation) {
        return WEB.formatted(desired, status, generation, Instant.now().minusSeconds(300));
    }

    private static String sleeper(String status, String exitCode, String lastError) {
        return SLEEPER.formatted(status, exitCode, lastError, Instant.now().minusSeconds(7200));
    }

    private JsonNode sent(int index) throws IOException {
        return JSON.readTree(server.requests.get(index).body());
    }

    @Test
    void runsADockerImageWithItsArgumentsAndEveryOption() throws IOException {
        server.on("POST /v1/containers", 201, web("RUNNING", "PENDING", 1));

        Run run = run("run", "--name", "web-1", "-e", "A=1", "--env", "B= x y ", "-p", "8080:80", "--publish",
                "53/udp", "-l", "tier=web", "--memory", "256M", "--cpus", "0.5", "--restart", "on-failure:3",
                "--workdir", "/srv", "--cluster", "web", "nginx:1.27", "-g", "daemon off;");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(server.requests).hasSize(1);
        assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer secret");
        JsonNode body = sent(0);
        assertThat(body.get("name").asText()).isEqualTo("web-1");
        assertThat(body.get("driver").asText()).isEqualTo("docker");
        assertThat(body.get("image").asText()).isEqualTo("nginx:1.27");
        assertThat(body.get("args").toString()).isEqualTo("[\"-g\",\"daemon off;\"]");
        assertThat(body.path("command").isNull()).isTrue();
        assertThat(body.get("env").toString()).isEqualTo("{\"A\":\"1\",\"B\":\" x y \"}");
        assertThat(body.get("ports").toString()).isEqualTo("[\"8080:80\",\"53/udp\"]");
        assertThat(body.get("labels").toString()).isEqualTo("{\"tier\":\"web\"}");
        assertThat(body.get("resources").toString()).isEqualTo("{\"cpus\":0.5,\"memory\":\"256M\"}");
        assertThat(body.get("restart").asText()).isEqualTo("on-failure:3");
        assertThat(body.get("workDir").asText()).isEqualTo("/srv");
        assertThat(body.get("cluster").asText()).isEqualTo("web");
        assertThat(body.path("node").isNull()).isTrue();
        assertThat(run.out()).containsPattern("(?m)^name: +web-1$").containsPattern("(?m)^image: +nginx:1.27$")
                .containsPattern("(?m)^args: +-g 'daemon off;'$").containsPattern("(?m)^status: +PENDING$");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void runsAProcessFromWhatFollowsTheDoubleDashWithADerivedName() throws IOException {
        server.on("POST /v1/containers", 201, sleeper("PENDING", "null", ""));

        Run run = run("run", "--driver", "process", "--node", "n-2", "--", "/bin/sh", "-c", "sleep 60");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode body = sent(0);
        assertThat(body.get("driver").asText()).isEqualTo("process");
        assertThat(body.get("command").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"sleep 60\"]");
        assertThat(body.path("image").isNull()).isTrue();
        assertThat(body.path("args").isNull()).isTrue();
        assertThat(body.get("node").asText()).isEqualTo("n-2");
        assertThat(body.get("name").asText()).matches("sh-[a-z0-9]{5}");
        assertThat(body.path("resources").isNull()).isTrue();
        assertThat(run.out()).containsPattern("(?m)^driver: +process$")
                .containsPattern("(?m)^command: +/bin/sh -c 'sleep 60'$");
    }

    @Test
    void constraintsAreSentInOrderAndShown() throws IOException {
        server.on("POST /v1/containers", 201, SLEEPER.replace("\"node\":\"n-2\",",
                "\"node\":\"n-2\",\"constraints\":[\"zone==b\",\"disk in (ssd,nvme)\"],")
                .formatted("PENDING", "null", "", Instant.now()));

        Run run = run("run", "--driver", "process", "--constraint", "zone==b", "--constraint", "disk in (ssd,nvme)",
                "--", "/bin/sleep", "60");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sent(0).get("constraints").toString()).isEqualTo("[\"zone==b\",\"disk in (ssd,nvme)\"]");
        assertThat(run.out()).containsPattern("(?m)^constraints: +zone==b, disk in \\(ssd,nvme\\)$");
        assertThat(run("run", "--driver", "process", "--", "/bin/true").code()).isZero();
        assertThat(sent(1).path("constraints").isNull()).isTrue();
    }

    @Test
    void withoutANameADockerContainerIsNamedAfterItsImage() throws IOException {
        server.on("POST /v1/containers", 201, web("RUNNING", "PENDING", 1));

        Run run = run("run", "ghcr.io/acme/My_App:2.1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sent(0).get("name").asText()).matches("my-app-[a-z0-9]{5}");
        assertThat(sent(0).get("driver").asText()).isEqualTo("docker");
    }

    @Test
    void whatFollowsTheImageIsTheContainersEvenWhenItLooksLikeAnOption() throws IOException {
        server.on("POST /v1/containers", 201, web("RUNNING", "PENDING", 1));

        Run run = run("run", "--name", "hi", "alpine", "sh", "-c", "echo hi", "--name", "x");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sent(0).get("name").asText()).isEqualTo("hi");
        assertThat(sent(0).get("args").toString()).isEqualTo("[\"sh\",\"-c\",\"echo hi\",\"--name\",\"x\"]");
    }

    @Test
    void aDoubleDashEndsTheOptionsAndALaterOneIsPassedOn() throws IOException {
        server.on("POST /v1/containers", 201, web("RUNNING", "PENDING", 1));

        Run run = run("run", "--name", "hi", "--", "alpine", "--", "-x");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(sent(0).get("image").asText()).isEqualTo("alpine");
        assertThat(sent(0).get("args").toString()).isEqualTo("[\"--\",\"-x\"]");
    }

    @Test
    void runPrintsTheCreatedContainerAsJson() throws IOException {
        server.on("POST /v1/containers", 201, web("RUNNING", "PENDING", 1));

        Run run = run("run", "-o", "json", "--name", "web-1", "nginx:1.27");

        assertThat(run.code()).isZero();
        JsonNode printed = JSON.readTree(run.out());
        assertThat(printed.get("name").asText()).isEqualTo("web-1");
        assertThat(printed.get("status").asText()).isEqualTo("PENDING");
        assertThat(printed.get("spec").get("memory").asLong()).isEqualTo(268435456L);
    }

    @Test
    void waitFollowsTheStatusUntilItRuns() {
        server.on("POST /v1/containers", 201, web("RUNNING", "PENDING", 1))
                .on("GET /v1/containers/web-1", 200, web("RUNNING", "STARTING", 1), web("RUNNING", "RUNNING", 1));

        Run run = run("run", "--wait", "--name", "web-1", "nginx:1.27");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("pending → starting → running\n");
        assertThat(run.out()).containsPattern("(?m)^status: +RUNNING$");
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void waitExitsWithOneAndSaysWhyWhenTheContainerFails() {
        server.on("POST /v1/containers", 201, sleeper("PENDING", "null", ""))
                .on("GET /v1/containers/sleep-1", 200, sleeper("FAILED", "2", "sh: bad option"));

        Run run = run("run", "--wait", "--driver", "process", "--name", "sleep-1", "--", "/bin/sh", "-x");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("pending → failed\n"
                + "error: container sleep-1 failed with exit code 2: sh: bad option\n");
        assertThat(run.out()).containsPattern("(?m)^last error: +sh: bad option$")
                .containsPattern("(?m)^exit code: +2$");
    }

    @Test
    void aConflictIsPrintedWithItsFieldAndExitsWithOne() {
        server.on("POST /v1/containers", 409, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"container web-1 exists",
                 "errors":[{"field":"name","message":"is taken"}]}""");

        Run run = run("run", "--name", "web-1", "nginx");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("""
                error: Conflict: container web-1 exists
                  name: is taken
                """);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badRunArgumentsAreUsageErrorsAndSendNothing() {
        assertUsageError(run("run", "-e", "NOVALUE", "nginx"), "Invalid value for option '--env'",
                "'NOVALUE' is not K=V");
        assertUsageError(run("run", "-e", "=v", "nginx"), "'=v' has an empty name");
        assertUsageError(run("run", "-p", "8080-80", "nginx"), "'8080-80' is not a port mapping");
        assertUsageError(run("run", "-p", "70000:80", "nginx"), "'70000:80' is not a port mapping");
        assertUsageError(run("run", "--restart", "sometimes", "nginx"), "'sometimes' is not a restart policy");
        assertUsageError(run("run", "--memory", "lots", "nginx"), "'lots' is not a size");
        assertUsageError(run("run", "--cpus", "0", "nginx"), "--cpus must be more than 0");
        assertUsageError(run("run", "--driver", "podman", "nginx"), "unknown driver 'podman'");
        assertUsageError(run("run", "--name", "Web_1", "nginx"), "--name 'Web_1' is not a DNS label");
        assertUsageError(run("run", "--node", "n-1", "--cluster", "web", "nginx"), "mutually exclusive");
        assertUsageError(run("run"), "Give the IMAGE to run");
        assertUsageError(run("run", "--driver", "process", "--"), "Give the command to run");
        assertThat(server.requests).isEmpty();
    }

    private static void assertUsageError(Run run, String... messages) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(messages).contains("--help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void listsContainersAsATable() {
        server.on("GET /v1/containers?node=n-1&cluster=web", 200,
                "[" + web("RUNNING", "RUNNING", 3) + "," + sleeper("EXITED", "0", "") + "]");

        Run run = run("ls", "--node", "n-1", "--cluster", "web");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                NAME     NODE  DRIVER   IMAGE/COMMAND          STATUS   HEALTH  DESIRED  RESTARTS  EXIT  CREATED
                web-1    n-1   docker   nginx:1.27             RUNNING  -       RUNNING  2         -     5m ago
                sleep-1  n-2   process  /bin/sh -c 'sleep 60'  EXITED   -       RUNNING  0         0     2h ago
                """);
    }

    @Test
    void listsContainersAsAJsonArray() throws IOException {
        server.on("GET /v1/containers", 200, "[" + web("RUNNING", "RUNNING", 3) + "]");

        Run run = run("ls", "-o", "json");

        assertThat(run.code()).isZero();
        JsonNode list = JSON.readTree(run.out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).get("name").asText()).isEqualTo("web-1");
        assertThat(list.get(0).get("startedAt").asText()).isEqualTo("2026-11-21T12:00:05Z");
    }

    @Test
    void showsAContainerAsKeyValueLines() {
        server.on("GET /v1/containers/web-1", 200, web("RUNNING", "RUNNING", 3));

        Run run = run("show", "web-1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^name: +web-1$")
                .containsPattern("(?m)^node: +n-1$")
                .containsPattern("(?m)^cluster: +web$")
                .containsPattern("(?m)^driver: +docker$")
                .containsPattern("(?m)^image: +nginx:1.27$")
                .containsPattern("(?m)^command: +-$")
                .contains("env:\n  A=1\n  B=x y\n")
                .containsPattern("(?m)^ports: +8080:80$")
                .containsPattern("(?m)^labels: +tier=web$")
                .containsPattern("(?m)^memory: +256.0 MiB$")
                .containsPattern("(?m)^cpus: +0.5$")
                .containsPattern("(?m)^restart: +on-failure:3$")
                .containsPattern("(?m)^workdir: +/srv$")
                .containsPattern("(?m)^desired: +RUNNING$")
                .containsPattern("(?m)^status: +RUNNING$")
                .containsPattern("(?m)^exit code: +-$")
                .containsPattern("(?m)^restarts: +2$")
                .containsPattern("(?m)^alloc: +a-7$")
                .containsPattern("(?m)^generation: +3$")
                .containsPattern("(?m)^runtime id: +c0ffee$")
                .containsPattern("(?m)^created: +\\S+ \\(5m ago\\)$")
                .containsPattern("(?m)^started: +2026-11-21T12:00:05Z \\(.*\\)$")
                .containsPattern("(?m)^finished: +-$")
                .doesNotContainPattern("(?m)^id:");
    }

    @Test
    void showPrintsTheStatsOfARunningContainerOrWhyThereAreNone() {
        String running = web("RUNNING", "RUNNING", 3);
        server.on("GET /v1/containers/web-1", 200, running.substring(0, running.lastIndexOf('}'))
                + ",\"stats\":{\"at\":\"2026-11-21T12:00:06Z\",\"cpuPercent\":12.345,\"memoryBytes\":12582912,"
                + "\"memoryLimitBytes\":67108864,\"netRxBytes\":2048,\"netTxBytes\":300}}");
        assertThat(run("show", "web-1").out())
                .containsPattern("(?m)^cpu: +12.3%$")
                .containsPattern("(?m)^memory used: +12.0 MiB of 64.0 MiB$")
                .containsPattern("(?m)^network: +rx 2.0 KiB, tx 300 B$")
                .doesNotContainPattern("(?m)^stats:");

        server.on("GET /v1/containers/sleep-1", 200, sleeper("RUNNING", "null", "").replaceFirst("}$",
                ",\"statsError\":\"node n-2 is off\"}"));
        assertThat(run("show", "sleep-1").out()).containsPattern("(?m)^stats: +unavailable: node n-2 is off$")
                .doesNotContainPattern("(?m)^cpu:");
    }

    @Test
    void logsPrintTheLinesAndSendTailAndFollow() {
        server.on("GET /v1/containers/web-1/logs?tail=2&follow=true", 200, "line-4\nline-5\n");
        server.on("GET /v1/containers/web-1/logs", 200, "a\nb\n");

        Run follow = run("logs", "web-1", "--tail", "2", "-f");
        assertThat(follow.code()).as(follow.err()).isZero();
        assertThat(follow.out()).isEqualTo("line-4\nline-5\n");
        assertThat(run("logs", "web-1").out()).isEqualTo("a\nb\n");

        Run negative = run("logs", "web-1", "--tail", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("--tail must be 0 or more");
    }

    @Test
    void startStopAndRestartPrintTheDesiredStateAndGeneration() {
        server.on("POST /v1/containers/web-1/stop", 200, web("STOPPED", "RUNNING", 4))
                .on("POST /v1/containers/web-1/start", 200, web("RUNNING", "EXITED", 5))
                .on("POST /v1/containers/web-1/restart", 200, web("RUNNING", "RUNNING", 6));

        assertThat(run("stop", "web-1").out())
                .isEqualTo("container web-1: stop requested, desired stopped, generation 4\n");
        assertThat(run("start", "web-1").out())
                .isEqualTo("container web-1: start requested, desired running, generation 5\n");
        assertThat(run("restart", "web-1").out())
                .isEqualTo("container web-1: restart requested, desired running, generation 6\n");
        assertThat(server.requests).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                "POST /v1/containers/web-1/stop", "POST /v1/containers/web-1/start",
                "POST /v1/containers/web-1/restart");
    }

    @Test
    void anActionPrintsTheContainerAsJson() throws IOException {
        server.on("POST /v1/containers/web-1/stop", 200, web("STOPPED", "RUNNING", 4));

        Run run = run("stop", "-o", "json", "web-1");

        assertThat(JSON.readTree(run.out()).get("desired").asText()).isEqualTo("STOPPED");
    }

    @Test
    void removesAContainer() {
        server.on("DELETE /v1/containers/web-1", 204, "");

        Run run = run("rm", "web-1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("removed container web-1\n");
        assertThat(server.requests.get(0).method()).isEqualTo("DELETE");
    }

    @Test
    void anUnknownContainerExitsWithOne() {
        server.on("GET /v1/containers/nope", 404,
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no container 'nope'\"}");

        Run run = run("show", "nope");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: Not Found: no container 'nope'\n");
    }
}
