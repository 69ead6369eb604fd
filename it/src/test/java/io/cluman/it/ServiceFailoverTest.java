package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ReplicaView;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import io.cluman.server.services.ReplacementPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service survives the loss of a node: a real server and three real agents (their own JVMs) run a
 * 6-replica service of plain processes; one agent is killed with {@code kill -9}; once its node is off
 * for the grace, its replicas run again on the other two. When the agent returns with its data dir, it
 * stops its old copies (their allocations are gone) and the API still shows exactly six.
 */
class ServiceFailoverTest {
    private static final Duration OFF_AFTER = Duration.ofSeconds(2);
    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    ServerWiring server;
    final List<AgentProcess> agents = new ArrayList<>();
    /** Every replica process seen, so none outlives the test. */
    final Set<Long> pids = new HashSet<>();

    @AfterEach
    void stop() throws IOException {
        AgentProcess.cleanUp(agents, pids, dir, "service-failover");
        if (server != null) {
            server.close();
        }
    }

    private AgentProcess agent(int i) {
        return AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent-" + i), "worker-" + i,
                dir.resolve("agent-" + i + ".log"));
    }

    @Test
    void replicasOfAKilledAgentRunAgainElsewhereAndItsOldCopiesStopWhenItReturns() {
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true)
                .withOffAfter(OFF_AFTER).withReplacement(new ReplacementPolicy(GRACE, 0.5)), InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        for (int i = 0; i < 3; i++) {
            agents.add(agent(i));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> admin.nodes(Map.of("state", "ACTIVE")).size() == 3);

        admin.createService(new ServiceRequest("sleepers", DriverName.PROCESS, null, List.of("/bin/sleep", "3600"),
                null, null, null, null, null, null, null, null, 6, null, null, null, null, null));
        Map<String, ContainerView> before = awaitRunning(admin, Set.of());
        assertThat(perNode(before.values()).values()).containsExactly(2L, 2L, 2L);

        String victimNode = admin.nodes(Map.of()).stream().filter(n -> n.name().equals("worker-0")).findFirst()
                .orElseThrow().id();
        Set<Long> victimPids = before.values().stream().filter(c -> c.node().equals(victimNode))
                .map(c -> pid(c.runtimeId())).collect(Collectors.toSet());
        agents.get(0).kill();
        assertThat(victimPids).hasSize(2).allMatch(ServiceFailoverTest::alive);

        Map<String, ContainerView> moved = await().atMost(OFF_AFTER.plus(GRACE).plusSeconds(20))
                .until(() -> tryRunning(admin, Set.of(victimNode)), m -> m != null);
        assertThat(perNode(moved.values())).doesNotContainKey(victimNode).allSatisfy((n, count) ->
                assertThat(count).isEqualTo(3L));

        agents.set(0, agent(0));
        await().atMost(Duration.ofSeconds(60)).until(() -> victimPids.stream().noneMatch(ServiceFailoverTest::alive));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.nodes(Map.of("on", "true")).size() == 3);
        Map<String, ContainerView> after = awaitRunning(admin, Set.of(victimNode));
        assertThat(after.keySet()).isEqualTo(moved.keySet());
        assertThat(admin.containers(Map.of())).hasSize(6);
        ServiceView service = admin.service("sleepers");
        assertThat(service.running()).isEqualTo(6);
        assertThat(service.replicas()).extracting(ReplicaView::node).doesNotContain(victimNode);

        admin.deleteService("sleepers");
        await().atMost(Duration.ofSeconds(60)).until(() -> pids.stream().noneMatch(ServiceFailoverTest::alive));
    }

    /** The six replicas once each runs with a live process, none on {@code avoid}. */
    private Map<String, ContainerView> awaitRunning(ClumanClient admin, Set<String> avoid) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> tryRunning(admin, avoid), m -> m != null);
    }

    private Map<String, ContainerView> tryRunning(ClumanClient admin, Set<String> avoid) {
        List<ContainerView> list = admin.containers(Map.of("service", "sleepers"));
        list.stream().filter(c -> c.runtimeId() != null).forEach(c -> pids.add(pid(c.runtimeId())));
        boolean ready = list.size() == 6 && list.stream().allMatch(c -> c.status() == TaskState.RUNNING
                && c.runtimeId() != null && !avoid.contains(c.node()) && alive(pid(c.runtimeId())));
        return ready ? list.stream().collect(Collectors.toMap(ContainerView::name, c -> c)) : null;
    }

    private static Map<String, Long> perNode(java.util.Collection<ContainerView> containers) {
        return containers.stream().collect(Collectors.groupingBy(ContainerView::node, Collectors.counting()));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long pid(String runtimeId) {
        return Long.parseLong(runtimeId.substring(0, runtimeId.indexOf(':'))); // the process driver's pid:starttime
    }
}
