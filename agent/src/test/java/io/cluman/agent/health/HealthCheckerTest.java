package io.cluman.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.Health;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.container.HealthCheckType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health checkers against tasks of the real process driver: busybox's httpd listening on a loopback
 * port, and commands run in a task's working dir and environment.
 */
class HealthCheckerTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST = Duration.ofMillis(200);

    @TempDir
    Path data;
    @TempDir
    Path site;
    ProcessDriver driver;
    final List<HealthChecker> checkers = new ArrayList<>();
    final List<HealthReading> readings = new CopyOnWriteArrayList<>();
    int sequence;

    @BeforeEach
    void startDriver() {
        driver = new ProcessDriver(data, InstantSource.system());
    }

    @AfterEach
    void stopEverything() {
        checkers.forEach(HealthChecker::close);
        driver.recover("n-test").forEach(driver::destroy);
        driver.close();
    }

    private TaskHandle start(List<String> command, Map<String, String> env, String workDir) {
        ContainerSpec spec = new ContainerSpec("t", DriverName.PROCESS, "", command, List.of(), env, List.of(),
                Map.of(), 0, 0, "no", workDir);
        return driver.start(new TaskRequest("h" + ProcessHandle.current().pid() + "-" + ++sequence, "n-test", spec,
                null));
    }

    /** busybox httpd serving {@link #site} on a free loopback port; returns the port. */
    private int startHttpd() {
        assumeTrue(Files.isExecutable(BUSYBOX), "needs /bin/busybox (httpd)");
        int port = freePort();
        start(List.of(BUSYBOX.toString(), "httpd", "-f", "-p", "127.0.0.1:" + port, "-h", site.toString()),
                Map.of(), "");
        return port;
    }

    private static HealthCheck check(HealthCheckType type, List<String> command, int port, String path,
                                     Duration timeout, int retries, Duration startPeriod) {
        return new HealthCheck(type, command, port, path, FAST, timeout, retries, startPeriod);
    }

    private HealthChecker checker(HealthCheck check, HealthProbe probe) {
        HealthChecker checker = new HealthChecker("t", check, probe, InstantSource.system(), readings::add);
        checkers.add(checker);
        checker.start();
        return checker;
    }

    private HealthReading awaitHealth(Health health) {
        return await().atMost(WAIT).until(() -> readings.isEmpty() ? null : readings.getLast(),
                r -> r != null && r.health() == health);
    }

    @Test
    void aTcpCheckTurnsHealthyWhileTheTaskListensAndUnhealthyOnceItIsGone() {
        int port = startHttpd();
        HealthCheck check = check(HealthCheckType.TCP, List.of(), port, null, FAST, 2, Duration.ZERO);
        checker(check, TcpProbe.local(port));

        awaitHealth(Health.HEALTHY);
        driver.recover("n-test").forEach(h -> driver.stop(h, Duration.ofSeconds(5), "TERM"));

        HealthReading unhealthy = awaitHealth(Health.UNHEALTHY);
        assertThat(unhealthy.reason()).startsWith("tcp 127.0.0.1:" + port + ": ").contains("refused");
        assertThat(readings).extracting(HealthReading::health)
                .containsExactly(Health.STARTING, Health.HEALTHY, Health.UNHEALTHY);
    }

    @Test
    void anHttpCheckIgnoresFailuresInTheStartPeriodUntilItPassesThenCountsThem() throws IOException {
        int port = startHttpd();
        HealthCheck check = check(HealthCheckType.HTTP, List.of(), port, "/ready", FAST, 1, Duration.ofMinutes(5));
        AtomicInteger checks = new AtomicInteger();
        HttpProbe http = HttpProbe.of(port, "/ready");
        checker(check, timeout -> {
            checks.incrementAndGet();
            return http.run(timeout);
        });

        await().atMost(WAIT).until(() -> checks.get() >= 3);
        assertThat(readings).extracting(HealthReading::health).as("404s in the start period")
                .containsExactly(Health.STARTING);
        Files.writeString(site.resolve("ready"), "ok");
        awaitHealth(Health.HEALTHY);
        Files.delete(site.resolve("ready"));
        assertThat(awaitHealth(Health.UNHEALTHY).reason())
                .isEqualTo("GET http://127.0.0.1:" + port + "/ready answered 404");
    }

    @Test
    void aCommandCheckRunsInTheTasksWorkingDirWithItsEnvironment() throws IOException {
        TaskHandle task = start(List.of("sleep", "300"), Map.of("MARK", "x"), "work");
        HealthCheck check = check(HealthCheckType.COMMAND,
                List.of("test -f ready && test \"$MARK\" = x || { echo not ready in $(pwd); exit 4; }"), 0, null,
                Duration.ofSeconds(5), 1, Duration.ZERO);
        checker(check, new CommandProbe(driver, task, check.argv()));

        HealthReading unhealthy = awaitHealth(Health.UNHEALTHY);
        Path workDir = data.resolve("tasks").resolve(task.allocId()).resolve("work");
        assertThat(unhealthy.reason()).isEqualTo("exit code 4: not ready in " + workDir.toRealPath());
        Files.writeString(workDir.resolve("ready"), "");
        awaitHealth(Health.HEALTHY);
    }

    @Test
    void aCommandPastItsTimeoutFailsTheCheck() {
        TaskHandle task = start(List.of("sleep", "300"), Map.of(), "");
        HealthCheck check = check(HealthCheckType.COMMAND, List.of("sleep", "30"), 0, null, FAST, 1, Duration.ZERO);
        checker(check, new CommandProbe(driver, task, check.argv()));

        assertThat(awaitHealth(Health.UNHEALTHY).reason()).isEqualTo("timed out after 200ms");
    }

    @Test
    void ofPicksTheProbeOfTheChecksType() {
        TaskHandle task = start(List.of("sleep", "300"), Map.of(), "");
        HealthCheck check = check(HealthCheckType.COMMAND, List.of("false"), 0, null, FAST, 1, Duration.ZERO);
        HealthChecker checker = HealthChecker.of(check, driver, task, InstantSource.system(), readings::add);
        checkers.add(checker);
        checker.start();

        assertThat(awaitHealth(Health.UNHEALTHY).reason()).isEqualTo("exit code 1");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
