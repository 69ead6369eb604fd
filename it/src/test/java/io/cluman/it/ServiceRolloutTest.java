package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.api.UpdateRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.service.Deployment;
import io.cluman.model.service.DeploymentState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
 * A rolling update whose new spec never turns healthy, on a real server with two real agents (their own
 * JVMs, process driver): the new replica's check is a command that always fails, so the deployment fails
 * and, with autoRevert, the service goes back to the old spec; the old replicas' processes never stop.
 */
class ServiceRolloutTest {
    private static final UpdateRequest REVERT = new UpdateRequest(1, "1s", "30s", true, 0);

    @TempDir
    Path dir;
    ServerWiring server;
    final List<AgentProcess> agents = new ArrayList<>();
    /** Every replica process seen, so none outlives the test. */
    final Set<Long> pids = new HashSet<>();

    @AfterEach
    void stop() throws IOException {
        AgentProcess.cleanUp(agents, pids, dir, "service-rollout");
        if (server != null) {
            server.close();
        }
    }

    private static ServiceRequest sleepers(HealthCheckRequest check) {
        return new ServiceRequest("sleepers", DriverName.PROCESS, null, List.of("/bin/sleep", "3600"), null, null,
                null, null, null, null, null, check, 2, null, null, null, null, REVERT);
    }

    @Test
    void aNewSpecThatNeverTurnsHealthyIsRevertedAndTheOldReplicasKeepRunning() {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true),
                InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        for (int i = 0; i < 2; i++) {
            agents.add(AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent-" + i), "worker-" + i,
                    dir.resolve("agent-" + i + ".log")));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> admin.nodes(Map.of("state", "ACTIVE")).size() == 2);
        admin.createService(sleepers(null));
        Map<String, Long> before = await().atMost(Duration.ofSeconds(60)).until(() -> running(admin), m -> m != null);

        HealthCheckRequest alwaysFails = new HealthCheckRequest("command", List.of("exit 1"), null, null, "1s",
                "500ms", 1, null);
        admin.replaceService("sleepers", sleepers(alwaysFails));
        Deployment failed = awaitDeployment(admin, "d2", DeploymentState.REVERTED);
        assertThat(failed.reason()).contains("is unhealthy").contains("reverted to the spec of generation 1");
        awaitDeployment(admin, "d3", DeploymentState.SUCCESSFUL);

        ServiceView service = admin.service("sleepers");
        assertThat(service.generation()).isEqualTo(3);
        assertThat(service.spec().healthcheck()).isNull();
        Map<String, Long> after = await().atMost(Duration.ofSeconds(60)).until(() -> running(admin), m -> m != null);
        assertThat(after).as("the same replicas, the same processes").isEqualTo(before);
        await().atMost(Duration.ofSeconds(60)).until(() -> pids.stream()
                .filter(pid -> !before.containsValue(pid)).noneMatch(ServiceRolloutTest::alive));
    }

    private Deployment awaitDeployment(ClumanClient admin, String id, DeploymentState state) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> {
            admin.containers(Map.of("service", "sleepers")).stream().filter(c -> c.runtimeId() != null)
                    .forEach(c -> pids.add(pid(c.runtimeId())));
            return admin.service("sleepers").deployments().stream().filter(d -> d.id().equals(id)).findFirst()
                    .orElse(null);
        }, d -> d != null && d.state() == state);
    }

    /** Replica name to pid once exactly two run with a live process, else null. */
    private Map<String, Long> running(ClumanClient admin) {
        List<ContainerView> list = admin.containers(Map.of("service", "sleepers"));
        list.stream().filter(c -> c.runtimeId() != null).forEach(c -> pids.add(pid(c.runtimeId())));
        boolean ready = list.size() == 2 && list.stream().allMatch(c -> c.status() == TaskState.RUNNING
                && c.runtimeId() != null && alive(pid(c.runtimeId())));
        return ready ? Map.of(list.get(0).name(), pid(list.get(0).runtimeId()), list.get(1).name(),
                pid(list.get(1).runtimeId())) : null;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long pid(String runtimeId) {
        return Long.parseLong(runtimeId.substring(0, runtimeId.indexOf(':'))); // the process driver's pid:starttime
    }
}
