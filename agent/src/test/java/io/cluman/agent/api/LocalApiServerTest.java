package io.cluman.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local API over the real process driver: logs (tail, follow), stats, unmanaged, auth and bad input. */
@Timeout(60)
class LocalApiServerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private ProcessDriver driver;
    private LocalApiFixture calls;
    private int sequence;

    @BeforeEach
    void start() {
        driver = new ProcessDriver(dir.resolve("data"), InstantSource.system());
        calls = new LocalApiFixture(driver);
    }

    @AfterEach
    void stop() {
        calls.close();
    }

    private TaskHandle run(String script) {
        String allocId = "a" + ProcessHandle.current().pid() + "-" + sequence++;
        ContainerSpec spec = new ContainerSpec("t", DriverName.PROCESS, "", List.of("/bin/sh", "-c", script),
                List.of(), Map.of(), List.of(), Map.of(), 0, 0, "no", "");
        TaskHandle handle = calls.start(new TaskRequest(allocId, "node-1", spec, null));
        return handle;
    }

    private void awaitEnded(TaskHandle handle) {
        await().atMost(WAIT).until(() -> !driver.inspect(handle).isRunning());
    }

    @Test
    void advertisesTheLoopbackAddressWithThePortBound() {
        assertThat(calls.api().port()).isPositive();
        assertThat(calls.api().address()).isEqualTo("127.0.0.1:" + calls.api().port());
    }

    @Test
    void logsWithTailSendOnlyTheLastLines() {
        TaskHandle task = run("for i in 1 2 3 4 5; do echo line-$i; done");
        awaitEnded(task);

        HttpResponse<String> tail = calls.get("/v1/local/tasks/" + task.allocId() + "/logs?tail=2", LocalApiFixture.TOKEN);
        assertThat(tail.statusCode()).isEqualTo(200);
        assertThat(tail.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(tail.body()).isEqualTo("line-4\nline-5\n");
        assertThat(calls.get("/v1/local/tasks/" + task.allocId() + "/logs", LocalApiFixture.TOKEN).body())
                .isEqualTo("line-1\nline-2\nline-3\nline-4\nline-5\n");
    }

    @Test
    void followSendsLinesAsTheyComeAndEndsWithTheTask() throws Exception {
        Path release = dir.resolve("release");
        TaskHandle task = run("echo first; while [ ! -f " + release + " ]; do sleep 0.05; done; echo last");

        HttpResponse<InputStream> stream = calls.stream("/v1/local/tasks/" + task.allocId() + "/logs?follow=true",
                LocalApiFixture.TOKEN);
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = reader(stream.body())) {
            assertThat(lines.readLine()).isEqualTo("first");
            Files.writeString(release, "");
            assertThat(lines.readLine()).isEqualTo("last");
            assertThat(lines.readLine()).as("the stream ends with the task").isNull();
        }
    }

    @Test
    void followOnAnEndedTaskSendsItsLinesAndEnds() {
        TaskHandle task = run("echo only");
        awaitEnded(task);

        HttpResponse<String> answer = calls.get("/v1/local/tasks/" + task.allocId() + "/logs?follow=true&tail=5",
                LocalApiFixture.TOKEN);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("only\n");
    }

    @Test
    void closingEndsOpenStreamsButNotTheTask() throws Exception {
        TaskHandle task = run("echo up; exec sleep 60");
        HttpResponse<InputStream> stream = calls.stream("/v1/local/tasks/" + task.allocId() + "/logs?follow=true",
                LocalApiFixture.TOKEN);
        try (BufferedReader lines = reader(stream.body())) {
            assertThat(lines.readLine()).isEqualTo("up");
            calls.api().close();
            assertThat(lines.readLine()).isNull();
        } catch (java.io.IOException cutOff) {
            // the stream may also end by a reset: either way it ends
        }
        assertThat(driver.inspect(task).isRunning()).isTrue();
    }

    @Test
    void statsOfARunningTaskAreJson() throws Exception {
        TaskHandle task = run("exec sleep 60");
        await().atMost(WAIT).until(() -> driver.inspect(task).isRunning());

        HttpResponse<String> answer = calls.get("/v1/local/tasks/" + task.allocId() + "/stats", LocalApiFixture.TOKEN);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode stats = LocalExchange.JSON.readTree(answer.body());
        assertThat(stats.get("memoryBytes").asLong()).isPositive();
        assertThat(stats.get("cpuPercent").isNumber()).isTrue();
        assertThat(stats.get("netRxBytes").asLong()).isEqualTo(-1);
        assertThat(stats.get("at").asText()).endsWith("Z");
    }

    @Test
    void theProcessDriverHasNothingUnmanagedAndNoImages() {
        HttpResponse<String> unmanaged = calls.get("/v1/local/unmanaged", LocalApiFixture.TOKEN);
        assertThat(unmanaged.statusCode()).isEqualTo(200);
        assertThat(unmanaged.body()).isEqualTo("[]");

        HttpResponse<String> labels = calls.get("/v1/local/images/labels?image=busybox", LocalApiFixture.TOKEN);
        assertThat(labels.statusCode()).isEqualTo(503);
        assertThat(labels.body()).contains("docker driver is not available");
    }

    @Test
    void aWrongOrMissingApiKeyIsRefused() {
        TaskHandle task = run("echo secret");
        for (String token : new String[] {null, "", "not-the-token", LocalApiFixture.TOKEN + "x"}) {
            HttpResponse<String> answer = calls.get("/v1/local/tasks/" + task.allocId() + "/logs", token);
            assertThat(answer.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(answer.body()).doesNotContain("secret").contains("X-Cluman-Api-Key");
        }
        assertThat(calls.get("/v1/local/unmanaged", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void badInputAndUnknownTasksAreProblems() {
        TaskHandle task = run("echo hi");
        String logs = "/v1/local/tasks/" + task.allocId() + "/logs";
        HttpResponse<String> badTail = calls.get(logs + "?tail=-1", LocalApiFixture.TOKEN);
        assertThat(badTail.statusCode()).isEqualTo(400);
        assertThat(badTail.body()).contains("\"field\":\"tail\"");
        assertThat(calls.get(logs + "?tail=ten", LocalApiFixture.TOKEN).body()).contains("\"field\":\"tail\"");
        HttpResponse<String> badFollow = calls.get(logs + "?follow=yes", LocalApiFixture.TOKEN);
        assertThat(badFollow.statusCode()).isEqualTo(400);
        assertThat(badFollow.body()).contains("\"field\":\"follow\"");

        HttpResponse<String> unknown = calls.get("/v1/local/tasks/a-nope/logs", LocalApiFixture.TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(unknown.body()).contains("a-nope");
        assertThat(calls.get("/v1/local/tasks/a-nope/stats", LocalApiFixture.TOKEN).statusCode()).isEqualTo(404);
        assertThat(calls.get("/v1/local/images/labels", LocalApiFixture.TOKEN).body()).contains("\"field\":\"image\"");
        assertThat(calls.get("/v1/local/nothing", LocalApiFixture.TOKEN).statusCode()).isEqualTo(404);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
