package io.cluman.agent.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AuthConfig;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.RegistryAuth;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Images pulled from a private registry with credentials, against a real dockerd and docker-registry. */
class RegistryPullTest {
    private static DockerdProcess engine;
    private static RegistryProcess registry;
    private static String image;

    @BeforeAll
    static void startEngineAndRegistry() throws InterruptedException {
        engine = DockerdProcess.start();
        registry = RegistryProcess.start("ci", "s3cret");
        String repository = registry.address() + "/cluman/busybox";
        engine.client().tagImageCmd(DockerdProcess.IMAGE, repository, "1").exec();
        engine.client().pushImageCmd(repository).withTag("1")
                .withAuthConfig(new AuthConfig().withUsername("ci").withPassword("s3cret")
                        .withRegistryAddress(registry.address()))
                .start().awaitCompletion(60, TimeUnit.SECONDS);
        image = repository + ":1";
        engine.client().removeImageCmd(image).exec();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static TaskRequest request(String alloc, RegistryAuth auth) {
        ContainerSpec spec = new ContainerSpec("pulled", DriverName.DOCKER, image, List.of("sleep", "300"), List.of(),
                Map.of(), List.of(), Map.of(), 0, 0, "no", "");
        return new TaskRequest(alloc, "node-test", spec, auth);
    }

    @Test
    void pullsWithCredentialsAndRefusesWithoutOrWithWrongOnesAsUnauthorized() {
        try (DockerDriver driver = new DockerDriver(engine.socket(), Duration.ofSeconds(30), InstantSource.system())) {
            assertThatThrownBy(() -> driver.start(request("no-auth", null)))
                    .isInstanceOfSatisfying(DriverException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DriverException.Reason.PULL_UNAUTHORIZED);
                        assertThat(e.getMessage()).contains(image);
                    });
            assertThatThrownBy(() -> driver.start(request("bad-auth", new RegistryAuth("ci", "wrong",
                    registry.address())))).isInstanceOfSatisfying(DriverException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DriverException.Reason.PULL_UNAUTHORIZED);
                        assertThat(e.getMessage()).contains(image).doesNotContain("wrong");
                    });

            TaskHandle handle = driver.start(request("good-auth", new RegistryAuth("ci", "s3cret",
                    registry.address())));

            assertThat(driver.inspect(handle).state()).isEqualTo(TaskState.RUNNING);
            assertThat(engine.client().inspectImageCmd(image).exec().getId()).isNotBlank();
            driver.destroy(handle);
            assertThat(driver.recover("node-test")).isEmpty();
        }
    }
}
