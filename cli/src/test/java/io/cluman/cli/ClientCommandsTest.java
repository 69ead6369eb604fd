package io.cluman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client commands against a {@link FakeServer}: what they send, print, and exit with. */
class ClientCommandsTest {
    private static final String NODE = """
            {"id":"n-1","name":"alpha","address":"10.0.0.1","labels":{"zone":"a"},"state":"ACTIVE","on":true,
             "healthy":true,"cluster":"web","resources":{"cpus":4.0,"memory":16750372454},
             "lastHeartbeat":"%s","revision":3}""";

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
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--addr";
        all[args.length + 1] = server.url();
        all[args.length + 2] = "--token";
        all[args.length + 3] = "secret";
        return Run.of(all);
    }

    private static String node() {
        return NODE.formatted(Instant.now().minusSeconds(3));
    }

    @Test
    void listsNodesAsATableWithHumanSizesAndTimes() {
        server.on("GET /v1/nodes?state=ACTIVE&label=zone%3Da", 200, "[" + node() + "]");

        Run run = run("node", "ls", "--state", "active", "--label", "zone=a");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2);
        assertThat(run.out()).startsWith(
                "ID   NAME   STATE   ON   HEALTHY  CLUSTER  ADDRESS   CPUS  MEMORY    LAST-HEARTBEAT\n");
        assertThat(run.out()).contains("n-1  alpha  ACTIVE  yes  yes      web      10.0.0.1  4     15.6 GiB  ")
                .containsPattern("\\ds ago");
        assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer secret");
    }

    @Test
    void listsWhatRunsUnmanagedOnANodeAsATableOrJson() {
        server.on("GET /v1/nodes/n-1/unmanaged", 200, "[{\"driver\":\"docker\",\"runtimeId\":"
                + "\"0123456789abcdef0123\",\"name\":\"outsider\",\"image\":\"redis:7\",\"state\":\"running\"}]");

        Run table = run("node", "unmanaged", "n-1");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).isEqualTo("NAME      DRIVER  IMAGE    STATE    ID\n"
                + "outsider  docker  redis:7  running  0123456789ab\n");

        Run json = run("node", "unmanaged", "n-1", "-o", "json");
        assertThat(json.out()).startsWith("[").contains("\"runtimeId\" : \"0123456789abcdef0123\"");
    }

    @Test
    void listsNodesAsAJsonArrayWithIsoTimes() {
        server.on("GET /v1/nodes", 200, "[" + NODE.formatted("2026-11-21T12:00:00Z") + "]");

        Run run = run("node", "ls", "-o", "json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("[").contains("\"lastHeartbeat\" : \"2026-11-21T12:00:00Z\"")
                .contains("\"memory\" : 16750372454");
    }

    @Test
    void showsANodeAsKeyValueLines() {
        server.on("GET /v1/nodes/n-1", 200, node());

        Run run = run("node", "show", "n-1");

        assertThat(run.out()).contains("id:", "n-1").containsPattern("(?m)^labels: +zone=a$")
                .containsPattern("(?m)^resources: +4 cpus, 15.6 GiB$");
    }

    @Test
    void aServerProblemExitsWithOneAndPrintsTitleDetailAndFieldErrors() {
        server.on("POST /v1/clusters", 400, """
                {"type":"about:blank","title":"Invalid cluster","status":400,"detail":"2 fields are wrong",
                 "errors":[{"field":"name","message":"must be lower case"},
                           {"field":"selector.zone","message":"must not be empty"}]}""");

        Run run = run("cluster", "create", "Web", "--selector", "zone=");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("""
                error: Invalid cluster: 2 fields are wrong
                  name: must be lower case
                  selector.zone: must not be empty
                """);
        assertThat(server.requests.get(0).body()).contains("\"name\":\"Web\"").contains("\"selector\":{\"zone\":\"\"}");
    }

    @Test
    void aMissingTokenGetsAHint() {
        server.on("GET /v1/jobs", 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"no token\"}");

        Run run = run("job", "ls");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("error: Unauthorized: no token").contains("hint: pass --token");
    }

    @Test
    void labelsSetAndRemoveInOnePatch() {
        server.on("PATCH /v1/nodes/n-1", 200, node());

        Run run = run("node", "label", "n-1", "zone=b", "disk=ssd", "--remove", "old");

        assertThat(run.code()).isZero();
        assertThat(server.requests.get(0).body())
                .isEqualTo("{\"labels\":{\"zone\":\"b\",\"disk\":\"ssd\",\"old\":\"\"}}");
    }

    @Test
    void batchSendsTheSelectorAndWaitsForTheJob() {
        String pending = """
                {"id":"j-1","kind":"node.batch","state":"PENDING","progress":{"done":0,"total":2}}""";
        String done = """
                {"id":"j-1","kind":"node.batch","operation":"drain","state":"SUCCEEDED","progress":{"done":2,"total":2},
                 "steps":[{"name":"n-1","state":"SUCCEEDED"},{"name":"n-2","state":"SUCCEEDED"}],
                 "startedAt":"2026-11-21T10:00:00Z","finishedAt":"2026-11-21T10:00:07Z"}""";
        server.on("POST /v1/nodes/batch", 202, pending).on("GET /v1/jobs/j-1", 200, done);

        Run run = run("node", "batch", "drain", "--label", "zone=a", "--label", "disk=ssd", "--batch-size", "1",
                "--wait");

        assertThat(run.code()).isZero();
        assertThat(server.requests.get(0).body()).contains("\"operation\":\"drain\"")
                .contains("\"labels\":{\"zone\":\"a\",\"disk\":\"ssd\"}").contains("\"batchSize\":1");
        assertThat(run.err()).isEqualTo("[----------] 0/2 PENDING\n[##########] 2/2 SUCCEEDED\n");
        assertThat(run.out()).isEqualTo("job j-1 node.batch drain (n-1, n-2): SUCCEEDED after 7s\n");
    }

    @Test
    void aFailedJobExitsWithOne() {
        server.on("POST /v1/nodes/n-1/upgrade", 202,
                "{\"id\":\"j-2\",\"kind\":\"node.upgrade\",\"state\":\"FAILED\",\"error\":\"agent too old\"}");

        Run run = run("node", "upgrade", "n-1", "--wait");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("job j-2 node.upgrade: FAILED: agent too old\n");
    }

    @Test
    void withoutWaitALifecycleCommandSaysHowToFollowTheJob() {
        server.on("POST /v1/nodes/n-1/drain", 202,
                "{\"id\":\"j-3\",\"kind\":\"node.drain\",\"state\":\"PENDING\",\"progress\":{\"done\":0,\"total\":1}}");

        Run run = run("node", "drain", "n-1");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("job j-3 PENDING").contains("cluman job watch j-3");
    }

    @Test
    void listsClustersAndEvents() {
        server.on("GET /v1/clusters", 200, """
                [{"name":"all","description":"every node","system":true,"nodes":["n-1","n-2"],"revision":1},
                 {"name":"web","description":"","selector":{"tier":"web"},"system":false,"nodes":[],"revision":2}]""");
        server.on("GET /v1/events?topic=bus.cluman.node&limit=5", 200, """
                [{"id":9,"time":"2026-11-21T12:00:00Z","topic":"bus.cluman.node","action":"online",
                  "severity":"INFO","kind":"node","objectId":"n-1","message":"joined"}]""");

        assertThat(run("cluster", "ls").out()).isEqualTo("""
                NAME  SYSTEM  NODES  SELECTOR  DESCRIPTION
                all   yes     2      -         every node
                web   no      0      tier=web  -
                """);
        Run events = run("events", "--topic", "node", "--limit", "5");
        assertThat(events.code()).isZero();
        assertThat(events.out()).startsWith("ID  TIME")
                .containsPattern("(?m)^9   .* ago  node   online  INFO      node/n-1  joined$");
    }
}
