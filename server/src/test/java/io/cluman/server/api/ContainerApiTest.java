package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.Assignments;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerApiTest {
    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    String nodeA;
    String nodeB;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
        nodeA = activeNode("a");
        nodeB = activeNode("b");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String activeNode(String name) {
        String id = FakeAgents.join(agent, name, Map.of());
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    static ContainerRequest sleeper(String name, String node, String memory, List<String> ports) {
        return new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null, node, null,
                Map.of("A", "1"), ports, Map.of(), new ResourceRequest(0.5, memory), "on-failure:3", null);
    }

    @Test
    void aContainerOnANamedNodeIsPendingAndInItsAssignments() throws Exception {
        ContainerView created = admin.createContainer(sleeper("web", nodeA, "64M", List.of()));
        assertThat(created.node()).isEqualTo(nodeA);
        assertThat(created.status()).isEqualTo(TaskState.PENDING);
        assertThat(created.spec().memory()).isEqualTo(64L << 20);
        assertThat(created.spec().restart()).isEqualTo("on-failure:3");
        Assignments assigned = FakeAgents.as(nodeA).assignments(nodeA, 0, Duration.ZERO);
        assertThat(assigned.assignments()).extracting(a -> a.name()).containsExactly("web");
        assertThat(FakeAgents.as(nodeB).assignments(nodeB, 0, Duration.ZERO).assignments()).isEmpty();
    }

    @Test
    void theBlockingQueryAnswersAsSoonAsTheNodesAllocationsChange() throws Exception {
        long index = FakeAgents.as(nodeA).assignments(nodeA, 0, Duration.ZERO).index();
        CompletableFuture<Assignments> waiting = CompletableFuture.supplyAsync(() ->
                FakeAgents.as(nodeA).assignments(nodeA, index, Duration.ofSeconds(30)));
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(waiting).isNotDone();
        Instant created = Instant.now();
        admin.createContainer(sleeper("web", nodeA, null, List.of()));
        Assignments changed = waiting.get();
        assertThat(Duration.between(created, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(changed.index()).isGreaterThan(index);
        assertThat(changed.assignments()).hasSize(1);
    }

    @Test
    void aClusterPacksTheFullestNodeThatFits() {
        admin.createCluster(new ClusterRequest("pool", "", null, null));
        admin.addNode("pool", nodeA);
        admin.addNode("pool", nodeB);
        admin.createContainer(sleeper("big", nodeA, "512M", List.of()));
        ContainerRequest anywhere = new ContainerRequest("small", DriverName.PROCESS, null, List.of("/bin/true"),
                null, null, "pool", null, null, null, null, null, null);
        assertThat(admin.createContainer(anywhere).node()).as("binpack").isEqualTo(nodeA);
        ContainerRequest large = new ContainerRequest("large", DriverName.PROCESS, null, List.of("/bin/true"),
                null, null, "pool", null, null, null, new ResourceRequest(null, "7800M"), null, null);
        assertThat(admin.createContainer(large).node()).as("too large for what is left on a").isEqualTo(nodeB);
    }

    @Test
    void reportedStatusShowsInTheViewWithEvents() {
        ContainerView c = admin.createContainer(sleeper("web", nodeA, null, List.of()));
        FakeAgents.report(agent, nodeA, c.allocId(), TaskState.RUNNING, null);
        assertThat(admin.container("web").status()).isEqualTo(TaskState.RUNNING);
        FakeAgents.report(agent, nodeA, c.allocId(), TaskState.EXITED, 3);
        ContainerView exited = admin.container("web");
        assertThat(exited.status()).isEqualTo(TaskState.EXITED);
        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(admin.events(Map.of("topic", "bus.cluman.log.docker")))
                .extracting(e -> e.action().wireName()).containsSubsequence("create", "start", "die");
    }

    @Test
    void logsAndStatsSayWhyWhenTheAgentHasNoLocalApi() {
        ContainerView c = admin.createContainer(sleeper("web", nodeA, null, List.of()));
        var pending = server.send("GET", "/v1/containers/web/logs", null);
        assertThat(pending.statusCode()).isEqualTo(409);
        assertThat(pending.body()).contains("has not started on node " + nodeA);

        FakeAgents.report(agent, nodeA, c.allocId(), TaskState.RUNNING, null);
        var noApi = server.send("GET", "/v1/containers/web/logs?tail=3", null);
        assertThat(noApi.statusCode()).isEqualTo(503);
        assertThat(noApi.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(noApi.body()).contains(nodeA).contains("has no local API");
        ContainerView shown = admin.container("web");
        assertThat(shown.stats()).isNull();
        assertThat(shown.statsError()).contains(nodeA).contains("has no local API");
        assertThat(admin.containers(Map.of())).allSatisfy(v -> assertThat(v.statsError()).isNull());
        var unmanaged = server.send("GET", "/v1/nodes/" + nodeA + "/unmanaged", null);
        assertThat(unmanaged.statusCode()).isEqualTo(503);
        assertThat(unmanaged.body()).contains("has no local API");
    }

    @Test
    void aContainerOfANodeThatGoesOffIsLostUntilItsAgentReportsAgain() {
        ContainerView c = admin.createContainer(sleeper("web", nodeA, null, List.of()));
        FakeAgents.report(agent, nodeA, c.allocId(), TaskState.RUNNING, null);
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.container("web").status() == TaskState.LOST);
        assertThat(admin.container("web").lastError()).contains("node went off");
        assertThatThrownBy(() -> admin.createContainer(sleeper("late", nodeA, null, List.of())))
                .as("an off node takes no container").isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().detail()).contains("off");
                });
        assertThat(admin.events(Map.of("topic", "bus.cluman.log.docker", "severity", "WARNING")))
                .anyMatch(e -> e.message().contains("lost"));
        FakeAgents.beat(agent, nodeA, 60L << 30);
        FakeAgents.report(agent, nodeA, c.allocId(), TaskState.RUNNING, null);
        assertThat(admin.container("web").status()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void stopStartRestartChangeTheDesiredStateAndGeneration() {
        admin.createContainer(sleeper("web", nodeA, null, List.of()));
        ContainerView stopped = admin.containerAction("web", "stop");
        assertThat(stopped.desired()).isEqualTo(DesiredState.STOPPED);
        ContainerView started = admin.containerAction("web", "start");
        assertThat(started.desired()).isEqualTo(DesiredState.RUNNING);
        ContainerView restarted = admin.containerAction("web", "restart");
        assertThat(restarted.generation()).isGreaterThan(started.generation());
    }

    @Test
    void removedContainersLeaveTheAssignments() throws Exception {
        admin.createContainer(sleeper("web", nodeA, null, List.of()));
        admin.deleteContainer("web");
        assertThat(FakeAgents.as(nodeA).assignments(nodeA, 0, Duration.ZERO).assignments()).isEmpty();
        assertThatThrownBy(() -> admin.container("web")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aNameUsedTwiceIs409AndChangesNothing() {
        ContainerView first = admin.createContainer(sleeper("web", nodeA, null, List.of()));
        assertThatThrownBy(() -> admin.createContainer(sleeper("web", nodeB, null, List.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(admin.container("web").node()).isEqualTo(nodeA);
        assertThat(admin.container("web").revision()).isEqualTo(first.revision());
    }

    @Test
    void nodesThatCannotTakeAContainerAreRefusedWith409() {
        String fresh = FakeAgents.join(agent, "fresh", Map.of());
        assertThatThrownBy(() -> admin.createContainer(sleeper("web", fresh, null, List.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().detail()).contains("not ACTIVE");
                });
        admin.createContainer(sleeper("one", nodeA, null, List.of("8080:80")));
        assertThatThrownBy(() -> admin.createContainer(sleeper("two", nodeA, null, List.of("8080:81"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().detail()).contains("8080"));
        ContainerRequest docker = new ContainerRequest("d", DriverName.DOCKER, "busybox:local", null, null, nodeA,
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> admin.createContainer(docker))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().detail())
                        .contains("without driver docker"));
    }
}
