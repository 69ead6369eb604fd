package io.cluman.agent.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.driver.ExecResult;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.health.HealthChecker;
import io.cluman.agent.health.HealthReading;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.Health;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.container.HealthCheckType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health checks of containers of a real dockerd: a command through {@code docker exec}, and HTTP. */
class DockerHealthCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration FAST = Duration.ofMillis(300);
    private static DockerdProcess engine;
    private static DockerDriver driver;

    private final List<HealthChecker> checkers = new ArrayList<>();
    private final List<HealthReading> readings = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEngine() {
        engine = DockerdProcess.start();
        driver = new DockerDriver(engine.socket(), Duration.ofSeconds(30), InstantSource.system());
    }

    @AfterAll
    static void stopEngine() {
        if (driver != null) {
            driver.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @AfterEach
    void removeContainers() {
        checkers.forEach(HealthChecker::close);
        driver.recover("n-test").forEach(driver::destroy);
    }

    private TaskHandle run(String alloc, List<String> command) {
        ContainerSpec spec = new ContainerSpec("h", DriverName.DOCKER, DockerdProcess.IMAGE, command, List.of(),
                Map.of(), List.of(), Map.of(), 0, 0, "no", "");
        return driver.start(new TaskRequest(alloc + ProcessHandle.current().pid(), "n-test", spec, null));
    }

    private void check(HealthCheck check, TaskHandle task) {
        HealthChecker checker = HealthChecker.of(check, driver, task, InstantSource.system(), readings::add);
        checkers.add(checker);
        checker.start();
    }

    private HealthReading awaitHealth(Health health) {
        return await().atMost(WAIT).until(() -> readings.isEmpty() ? null : readings.getLast(),
                r -> r != null && r.health() == health);
    }

    @Test
    void aCommandCheckRunsThroughDockerExec() throws InterruptedException {
        TaskHandle task = run("exec", List.of("sleep", "300"));
        check(new HealthCheck(HealthCheckType.COMMAND, List.of("test -f /tmp/ready || { echo no file; exit 2; }"),
                0, null, FAST, FAST, 1, Duration.ZERO), task);

        assertThat(awaitHealth(Health.UNHEALTHY).reason()).isEqualTo("exit code 2: no file");
        ExecResult touched = driver.exec(task, List.of("touch", "/tmp/ready"), WAIT);
        assertThat(touched.succeeded()).isTrue();
        awaitHealth(Health.HEALTHY);
        assertThat(readings).extracting(HealthReading::health)
                .containsExactly(Health.STARTING, Health.UNHEALTHY, Health.HEALTHY);
    }

    @Test
    void anHttpCheckReachesAContainerOnTheHostNetwork() throws InterruptedException {
        int port = freePort();
        TaskHandle task = run("http", List.of("httpd", "-f", "-p", "127.0.0.1:" + port, "-h", "/tmp"));
        check(new HealthCheck(HealthCheckType.HTTP, List.of(), port, "/index.html", FAST, FAST, 1, Duration.ZERO),
                task);

        assertThat(awaitHealth(Health.UNHEALTHY).reason()).endsWith("/index.html answered 404");
        driver.exec(task, List.of("sh", "-c", "echo hi > /tmp/index.html"), WAIT);
        awaitHealth(Health.HEALTHY);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
