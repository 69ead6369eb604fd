package io.cluman.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.docker.DockerDriver;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The local API over the docker driver and a real dockerd: logs, image labels, unmanaged containers. */
@Timeout(120)
class LocalApiDockerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DockerdProcess engine;

    private DockerDriver driver;
    private LocalApiFixture calls;
    private int sequence;

    @BeforeAll
    static void startEngine() {
        engine = DockerdProcess.start();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void start() {
        driver = new DockerDriver(engine.socket(), Duration.ofSeconds(30), InstantSource.system());
        calls = new LocalApiFixture(driver);
    }

    @AfterEach
    void stop() {
        calls.close();
    }

    private TaskHandle run(String script) {
        String allocId = "d" + ProcessHandle.current().pid() + "-" + sequence++;
        ContainerSpec spec = new ContainerSpec("t", DriverName.DOCKER, DockerdProcess.IMAGE,
                List.of("sh", "-c", script), List.of(), Map.of(), List.of(), Map.of(), 0, 0, "no", "");
        TaskHandle handle = calls.start(new TaskRequest(allocId, "node-1", spec, null));
        return handle;
    }

    @Test
    void logsOfAContainerWithTailAndFollow() throws Exception {
        TaskHandle done = run("for i in 1 2 3; do echo line-$i; done");
        await().atMost(WAIT).until(() -> !driver.inspect(done).isRunning());
        HttpResponse<String> tail = calls.get("/v1/local/tasks/" + done.allocId() + "/logs?tail=2", LocalApiFixture.TOKEN);
        assertThat(tail.statusCode()).isEqualTo(200);
        assertThat(tail.body()).isEqualTo("line-2\nline-3\n");

        TaskHandle slow = run("echo first; sleep 1; echo second");
        HttpResponse<InputStream> stream = calls.stream("/v1/local/tasks/" + slow.allocId() + "/logs?follow=true",
                LocalApiFixture.TOKEN);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("first");
            assertThat(lines.readLine()).isEqualTo("second");
            assertThat(lines.readLine()).as("the stream ends with the container").isNull();
        }
    }

    @Test
    void imageLabelsComeFromTheEngineWithoutPulling() throws Exception {
        String base = engine.client().createContainerCmd(DockerdProcess.IMAGE).withCmd("true").exec().getId();
        try {
            engine.run(List.of("docker", "commit", "--change", "LABEL arg.port=8080 team=web", base, "labelled:2"));
        } finally {
            engine.client().removeContainerCmd(base).withForce(true).exec();
        }

        HttpResponse<String> labels = calls.get("/v1/local/images/labels?image=labelled:2", LocalApiFixture.TOKEN);
        assertThat(labels.statusCode()).isEqualTo(200);
        Map<String, String> map = LocalExchange.JSON.readValue(labels.body(), new TypeReference<>() { });
        assertThat(map).containsEntry("arg.port", "8080").containsEntry("team", "web");

        HttpResponse<String> absent = calls.get("/v1/local/images/labels?image=nowhere/nothing:1", LocalApiFixture.TOKEN);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(absent.body()).contains("nowhere/nothing:1").contains("\"field\":\"image\"");
        assertThat(engine.client().listImagesCmd().exec()).as("nothing was pulled")
                .noneMatch(i -> i.getRepoTags() != null && List.of(i.getRepoTags()).contains("nowhere/nothing:1"));
    }

    @Test
    void unmanagedListsContainersWithoutClumanLabels() throws Exception {
        TaskHandle managed = run("sleep 60");
        String foreign = engine.client().createContainerCmd(DockerdProcess.IMAGE).withName("foreign-" + sequence)
                .withCmd("sleep", "60").exec().getId();
        try {
            HttpResponse<String> answer = calls.get("/v1/local/unmanaged", LocalApiFixture.TOKEN);
            assertThat(answer.statusCode()).isEqualTo(200);
            List<Map<String, String>> listed = LocalExchange.JSON.readValue(answer.body(), new TypeReference<>() { });
            assertThat(listed).extracting(m -> m.get("runtimeId")).contains(foreign)
                    .doesNotContain(managed.runtimeId());
            assertThat(listed).filteredOn(m -> foreign.equals(m.get("runtimeId"))).singleElement()
                    .satisfies(m -> assertThat(m).containsEntry("driver", "docker")
                            .containsEntry("image", DockerdProcess.IMAGE).containsEntry("state", "created"));
        } finally {
            engine.client().removeContainerCmd(foreign).withForce(true).exec();
        }
    }
}
