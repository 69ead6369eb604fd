package io.cluman.agent.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import io.cluman.agent.driver.DriverContract;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.RegistryAuth;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskLabels;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.agent.driver.UnmanagedTask;
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

/** The driver contract, and what only docker does, against a real dockerd started for this class. */
class DockerDriverTest extends DriverContract {
    private static DockerdProcess engine;

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

    @Override
    protected TaskDriver newDriver() {
        return new DockerDriver(engine.socket(), Duration.ofSeconds(30), InstantSource.system());
    }

    @Override
    protected ContainerSpec spec(String name, List<String> command, List<String> args, Map<String, String> env,
                                 List<String> ports) {
        return specOf(name, DriverName.DOCKER, DockerdProcess.IMAGE, command, args, env, ports, Map.of(), 0, 0);
    }

    @Override
    protected void release(TaskHandle handle) {
        var exec = engine.client().execCreateCmd(handle.runtimeId())
                .withCmd("touch", "/tmp/go-" + handle.allocId()).exec();
        try {
            engine.client().execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<Frame>())
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InspectContainerResponse container(TaskHandle handle) {
        return engine.client().inspectContainerCmd(handle.runtimeId()).exec();
    }

    @Test
    void containersCarryLabelsNameLimitsAndNoRestartPolicy() {
        ContainerSpec spec = specOf("web", DriverName.DOCKER, DockerdProcess.IMAGE, List.of("sleep"), List.of("300"),
                Map.of(), List.of(), Map.of("team", "blue"), 64L << 20, 0.5);
        TaskHandle handle = start(spec);

        InspectContainerResponse container = container(handle);
        assertThat(container.getName()).isEqualTo("/cluman-web-" + handle.allocId());
        assertThat(container.getConfig().getLabels()).containsEntry(TaskLabels.ALLOC, handle.allocId())
                .containsEntry(TaskLabels.NODE, NODE).containsEntry(TaskLabels.NAME, "web")
                .containsEntry("team", "blue");
        assertThat(container.getConfig().getEntrypoint()).containsExactly("sleep");
        assertThat(container.getConfig().getCmd()).containsExactly("300");
        assertThat(container.getHostConfig().getMemory()).isEqualTo(64L << 20);
        assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(container.getHostConfig().getRestartPolicy().getName()).isIn("", "no");
        assertThat(((io.cluman.agent.driver.StatsSource) driver()).stats(handle).memoryLimitBytes())
                .isEqualTo(64L << 20);
    }

    @Test
    void aContainerOverItsMemoryLimitIsKilled() throws InterruptedException {
        TaskHandle handle = start(specOf("greedy", DriverName.DOCKER, DockerdProcess.IMAGE, List.of("dd",
                "if=/dev/zero", "of=/dev/null", "bs=128M", "count=1"), List.of(), Map.of(), List.of(), Map.of(),
                64L << 20, 0));

        TaskStatus status = driver().await(handle, WAIT);

        assertThat(status.state()).isEqualTo(TaskState.FAILED);
        assertThat(status.exitCode()).isEqualTo(128 + 9);
        assertThat(status.error()).contains("out of memory");
    }

    @Test
    void networkNoneIsHonouredAndBridgeNeedsAnEngineWithOne() {
        ContainerSpec none = specOf("n", DriverName.DOCKER, DockerdProcess.IMAGE, List.of("sleep", "300"),
                List.of(), Map.of(), List.of(), Map.of(TaskLabels.NETWORK, "none"), 0, 0);
        ContainerSpec bridge = specOf("b", DriverName.DOCKER, DockerdProcess.IMAGE, List.of("sleep", "300"),
                List.of(), Map.of(), List.of(), Map.of(TaskLabels.NETWORK, "bridge"), 0, 0);

        assertThat(container(start(none)).getHostConfig().getNetworkMode()).isEqualTo("none");
        assertThatThrownBy(() -> start(bridge)).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC);
            assertThat(e.getMessage()).contains("no bridge network");
        });
    }

    @Test
    void anImageThatIsNeitherHereNorPullableFailsTheStartQuickly() {
        ContainerSpec spec = specOf("x", DriverName.DOCKER, "nosuchimage:1", List.of("true"), List.of(), Map.of(),
                List.of(), Map.of(), 0, 0);
        long began = System.nanoTime();

        assertThatThrownBy(() -> driver().start(new TaskRequest(allocId(), NODE, spec,
                new RegistryAuth("user", "secret", "127.0.0.1:1"))))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isIn(DriverException.Reason.IMAGE_NOT_FOUND,
                            DriverException.Reason.PULL_FAILED);
                    assertThat(e.getMessage()).contains("nosuchimage:1").doesNotContain("secret");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
        assertThat(driver().recover(NODE)).isEmpty();
    }

    @Test
    void onTheHostNetworkAPortCannotBeMapped() {
        ContainerSpec spec = spec("m", List.of("true"), List.of(), Map.of(), List.of("8080:80"));

        assertThatThrownBy(() -> start(spec)).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC);
            assertThat(e.getMessage()).contains("8080:80");
        });
    }

    @Test
    void containersWithoutClumanLabelsAreListedAndNeverTouched() {
        String id = engine.client().createContainerCmd(DockerdProcess.IMAGE).withName("someone-elses")
                .withCmd("sleep", "300").withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                        .withNetworkMode("none")).exec().getId();
        engine.client().startContainerCmd(id).exec();
        try {
            TaskHandle ours = start(sh("sleep 300"));

            List<UnmanagedTask> unmanaged = driver().unmanaged();

            assertThat(unmanaged).extracting(UnmanagedTask::runtimeId).containsExactly(id);
            assertThat(unmanaged.get(0)).isEqualTo(new UnmanagedTask("docker", id, "someone-elses",
                    DockerdProcess.IMAGE, "running"));
            assertThat(driver().recover(NODE)).containsExactly(ours);
            driver().recover(NODE).forEach(driver()::destroy);
            assertThat(engine.client().inspectContainerCmd(id).exec().getState().getRunning()).isTrue();
        } finally {
            engine.client().removeContainerCmd(id).withForce(true).exec();
        }
    }

    @Test
    void recoverFindsLabelledContainersOfThisNodeOnly() {
        String mine = labelled("lost-mine", NODE);
        String other = labelled("lost-other", "node-other");
        try {
            List<TaskHandle> recovered = driver().recover(NODE);

            assertThat(recovered).extracting(TaskHandle::runtimeId).contains(mine).doesNotContain(other);
            assertThat(recovered).filteredOn(h -> h.runtimeId().equals(mine)).singleElement()
                    .isEqualTo(new TaskHandle("docker", "lost-mine", mine, "lost"));
            assertThat(driver().unmanaged()).extracting(UnmanagedTask::runtimeId).doesNotContain(mine, other);
        } finally {
            engine.client().removeContainerCmd(other).withForce(true).exec();
        }
    }

    private static String labelled(String alloc, String node) {
        return engine.client().createContainerCmd(DockerdProcess.IMAGE).withName("cluman-lost-" + alloc)
                .withCmd("sleep", "300")
                .withLabels(Map.of(TaskLabels.ALLOC, alloc, TaskLabels.NODE, node, TaskLabels.NAME, "lost"))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
    }

    @Test
    void healthFollowsTheEngine() {
        assertThat(driver().health().healthy()).isTrue();
        try (DockerDriver nowhere = new DockerDriver(engine.socket().resolveSibling("nope.sock"))) {
            assertThat(nowhere.health().healthy()).isFalse();
            assertThatThrownBy(nowhere::unmanaged).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.ENGINE_UNAVAILABLE));
        }
    }
}
