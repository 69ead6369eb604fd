package io.cluman.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.Health;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.container.HealthCheckType;
import io.cluman.model.container.TaskState;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner reports its task's health changes with the task's state, through the real process driver. */
class TaskHealthReportTest {
    @TempDir
    Path data;
    ProcessDriver driver;
    final List<TaskReport> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeTasks() {
        if (driver != null) {
            driver.recover("n-aaaaaaaaaa").forEach(driver::destroy);
            driver.close();
        }
    }

    @Test
    void healthChangesAreReportedWhileTheTaskRunsAndClearedWhenItStops() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox (httpd)");
        driver = new ProcessDriver(data, InstantSource.system());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HealthCheck check = new HealthCheck(HealthCheckType.TCP, List.of(), port, null, Duration.ofMillis(200),
                Duration.ofMillis(200), 1, Duration.ZERO);
        ContainerSpec spec = new ContainerSpec("web", DriverName.PROCESS, "", List.of("/bin/busybox", "httpd", "-f",
                "-p", "127.0.0.1:" + port), List.of(), Map.of(), List.of(), Map.of(), 0, 0, "no", "", check);
        TaskSupervisor supervisor = new TaskSupervisor("n-aaaaaaaaaa", Map.of("process", driver), reports::add);

        supervisor.apply(List.of(new Assignment("a1", "web", spec, 1, DesiredState.RUNNING)));
        await().atMost(Duration.ofSeconds(20)).until(() -> reports.stream().anyMatch(r -> r.health() == Health.HEALTHY));
        assertThat(reports).filteredOn(r -> r.health() != null)
                .allMatch(r -> r.state() == TaskState.RUNNING && r.allocId().equals("a1"))
                .extracting(TaskReport::health).startsWith(Health.STARTING).contains(Health.HEALTHY);

        supervisor.apply(List.of(new Assignment("a1", "web", spec, 2, DesiredState.STOPPED)));
        TaskReport stopped = await().atMost(Duration.ofSeconds(20)).until(() -> reports.getLast(),
                r -> r.state() == TaskState.EXITED);
        assertThat(stopped.health()).as("no health once it does not run").isNull();
        supervisor.close();
    }
}
