package io.cluman.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.DriverHealth;
import io.cluman.agent.driver.process.ProcessDriver;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverSetTest {
    @TempDir
    Path dir;

    @Test
    void processIsAlwaysAvailableAndHealthy() {
        DriverSet drivers = new DriverSet(List.of(processDriver(), new DockerProbe(dir.resolve("none.sock"))));
        drivers.detect();

        assertThat(drivers.names()).containsExactly("process");
        assertThat(drivers.health()).containsOnlyKeys("process").containsEntry("process", new DriverHealth(true, ""));
        assertThat(drivers.taskDriver("process")).containsInstanceOf(ProcessDriver.class);
        assertThat(drivers.taskDriver("docker")).isEmpty();
    }

    private ProcessDriver processDriver() {
        return new ProcessDriver(dir.resolve("data"), InstantSource.system());
    }

    @Test
    void detectedDockerStaysListedAndTurnsUnhealthyWhenTheEngineStops() {
        Path socket = dir.resolve("docker.sock");
        DriverSet drivers = new DriverSet(List.of(processDriver(), new DockerProbe(socket)));
        try (FakeDockerEngine engine = FakeDockerEngine.answering(socket)) {
            drivers.detect();
            assertThat(engine.pings()).isEqualTo(1);
            assertThat(drivers.names()).containsExactly("process", "docker");
            assertThat(drivers.health().get("docker").healthy()).isTrue();
        }

        assertThat(drivers.names()).containsExactly("process", "docker");
        DriverHealth docker = drivers.health().get("docker");
        assertThat(docker.healthy()).isFalse();
        assertThat(docker.detail()).isNotBlank();
    }
}
