package io.cluman.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.cli.FakeServer;
import io.cluman.cli.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code cluman job watch} against a {@link FakeServer}: its progress, its summary line, its exit code. */
class JobCommandsTest {
    private final FakeServer server = FakeServer.started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void watchFollowsAJobToSuccessAndSumsItUpInOneLine() {
        server.on("GET /v1/jobs/j-1", 200, """
                {"id":"j-1","kind":"node.batch","operation":"commission","state":"RUNNING",
                 "progress":{"done":1,"total":2},
                 "steps":[{"name":"n-1","state":"SUCCEEDED"},{"name":"n-2","state":"RUNNING"}],
                 "createdAt":"2026-11-21T09:59:59Z","startedAt":"2026-11-21T10:00:00Z"}""", """
                {"id":"j-1","kind":"node.batch","operation":"commission","state":"SUCCEEDED",
                 "progress":{"done":2,"total":2},
                 "steps":[{"name":"n-1","state":"SUCCEEDED"},{"name":"n-2","state":"SUCCEEDED"}],
                 "createdAt":"2026-11-21T09:59:59Z","startedAt":"2026-11-21T10:00:00Z",
                 "finishedAt":"2026-11-21T10:02:05Z"}""");

        Run run = server.run("job", "watch", "j-1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).as("plain lines: the test's stderr is no terminal")
                .isEqualTo("[#####-----] 1/2 RUNNING\n[##########] 2/2 SUCCEEDED\n");
        assertThat(run.out()).isEqualTo("job j-1 node.batch commission (n-1, n-2): SUCCEEDED after 2m\n");
    }

    @Test
    void watchOfAFailedJobExitsOneWithTheReasonInTheSummary() {
        server.on("GET /v1/jobs/j-2", 200, """
                {"id":"j-2","kind":"node.drain","operation":"drain","state":"FAILED","progress":{"done":1,"total":1},
                 "steps":[{"name":"n-7","state":"FAILED","message":"agent did not answer"}],
                 "error":"1 of 1 nodes failed",
                 "startedAt":"2026-11-21T10:00:00Z","finishedAt":"2026-11-21T10:00:03Z"}""");

        Run run = server.run("job", "watch", "j-2");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("[##########] 1/1 FAILED\n");
        assertThat(run.out()).isEqualTo("""
                step n-7 FAILED: agent did not answer
                job j-2 node.drain (n-7): FAILED after 3s: 1 of 1 nodes failed
                """);
    }

    @Test
    void watchOfAnUnknownJobSaysSoAndExitsOneLikeEveryNotFound() {
        server.notFound("GET /v1/jobs/j-nope", "job 'j-nope' does not exist");

        Run run = server.run("job", "watch", "j-nope");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: Not found: job 'j-nope' does not exist\n");
    }

    @Test
    void watchPrintsTheFinishedJobAsJsonForScripts() {
        server.on("GET /v1/jobs/j-3", 200, """
                {"id":"j-3","kind":"node.upgrade","state":"SUCCEEDED","progress":{"done":1,"total":1}}""");

        Run run = server.run("job", "watch", "j-3", "-o", "json");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("{").contains("\"state\" : \"SUCCEEDED\"");
    }
}
