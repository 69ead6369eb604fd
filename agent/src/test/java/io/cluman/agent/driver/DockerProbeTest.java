package io.cluman.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.DriverHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {
    @TempDir
    Path dir;

    @Test
    void healthyWhileTheEngineAnswersThenUnhealthyWithAReason() {
        Path socket = dir.resolve("docker.sock");
        DockerProbe probe = new DockerProbe(socket);
        try (FakeDockerEngine engine = FakeDockerEngine.answering(socket)) {
            assertThat(probe.health()).isEqualTo(new DriverHealth(true, ""));
            assertThat(engine.pings()).isEqualTo(1);
        }

        DriverHealth stopped = probe.health();
        assertThat(stopped.healthy()).isFalse();
        assertThat(stopped.detail()).contains(socket.toString());
    }

    @Test
    void unhealthyWhenTheEngineAcceptsButNeverAnswers() {
        Path socket = dir.resolve("hung.sock");
        try (FakeDockerEngine engine = FakeDockerEngine.silent(socket)) {
            DriverHealth health = new DockerProbe(engine.socket(), Duration.ofMillis(200)).health();

            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).contains("does not answer");
        }
    }

    @Test
    void unhealthyWhenSocketIsMissing() {
        DriverHealth health = new DockerProbe(dir.resolve("none.sock")).health();

        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("does not exist");
    }

    @Test
    void findsTheSocketAsTheDockerCliDoes() {
        assertThat(DockerProbe.socketFrom(Map.of())).contains(Path.of("/var/run/docker.sock"));
        assertThat(DockerProbe.socketFrom(Map.of("DOCKER_HOST", "unix:///tmp/d/sock"))).contains(Path.of("/tmp/d/sock"));
        assertThat(DockerProbe.socketFrom(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"))).isEmpty();
    }
}
