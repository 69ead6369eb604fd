package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.event.Event;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autoscaling end to end on real processes: a real server and two real agents (their own JVMs, sampling their
 * tasks every second) run a service whose replicas spin on the CPU (niced, limited to 0.2 core each) while a
 * file exists. The autoscaler grows it from 1 to its max of 3 on the CPU the agents measure; once the file is
 * gone the replicas idle, and after the scale-down delay it comes back to 1.
 */
class ServiceAutoscaleTest {
    @TempDir
    Path dir;
    ServerWiring server;
    final List<AgentProcess> agents = new ArrayList<>();
    final Set<Long> pids = new HashSet<>();

    @AfterEach
    void stop() throws IOException {
        AgentProcess.cleanUp(agents, pids, dir, "service-autoscale");
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBusyServiceGrowsToItsMaxAndAnIdleOneShrinksToItsMinAfterTheDelay() throws IOException {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true),
                InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        for (int i = 0; i < 2; i++) {
            agents.add(AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent-" + i), "worker-" + i,
                    dir.resolve("agent-" + i + ".log"), List.of("--stats-interval", "1s")));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> admin.nodes(Map.of("state", "ACTIVE")).size() == 2);
        Path busy = Files.createFile(dir.resolve("busy"));
        String spin = "while [ -e " + busy + " ]; do :; done; exec sleep 3600";
        admin.createService(new ServiceRequest("burner", DriverName.PROCESS, null,
                List.of("nice", "-n", "19", "sh", "-c", spin), null, null, null, null,
                new ResourceRequest(0.2, "32M"), null, null, null, 1, null, null, null, null, null));

        admin.autoscale("burner", new AutoscaleRequest(1, 3, "cpu", 50.0, "10s", "3s"));
        await().atMost(Duration.ofSeconds(90)).until(() -> running(admin) == 3 && admin.service("burner").desired() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(admin).stream()
                .anyMatch(m -> m.startsWith("service burner autoscaled from 1 to ")));
        assertThat(admin.autoscaler("burner").current()).isGreaterThan(55.0);

        Files.delete(busy);
        Instant idle = Instant.now();
        await().atMost(Duration.ofSeconds(90)).until(() -> admin.service("burner").desired() == 1);
        assertThat(Duration.between(idle, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(admin).stream()
                .anyMatch(m -> m.matches("service burner autoscaled from [23] to 1 .*"))); // the event follows the write
        await().atMost(Duration.ofSeconds(30)).until(() -> running(admin) == 1);

        admin.deleteService("burner");
    }

    /** How many replicas run now; remembers their pids so none outlives the test. */
    private long running(ClumanClient admin) {
        List<ContainerView> list = admin.containers(Map.of("service", "burner"));
        list.stream().filter(c -> c.runtimeId() != null)
                .forEach(c -> pids.add(Long.parseLong(c.runtimeId().substring(0, c.runtimeId().indexOf(':')))));
        return list.stream().filter(c -> c.status() == io.cluman.model.container.TaskState.RUNNING).count();
    }

    private static List<String> messages(ClumanClient admin) {
        return admin.events(Map.of("topic", "bus.cluman.service")).stream().map(Event::message).toList();
    }
}
