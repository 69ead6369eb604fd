package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.BatchRequest;
import io.cluman.model.api.NodePatch;
import io.cluman.model.api.NodeSelector;
import io.cluman.model.api.NodeView;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.node.NodeState;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeApiTest {
    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Job awaitJob(String id) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(id), j -> j.state().isFinished());
    }

    @Test
    void joinedNodeIsDiscoveredOnAndHealthy() {
        String id = FakeAgents.join(agent, "web-1", Map.of("zone", "a"));
        NodeView node = admin.node(id);
        assertThat(node.name()).isEqualTo("web-1");
        assertThat(node.state()).isEqualTo(NodeState.DISCOVERED);
        assertThat(node.on()).isTrue();
        assertThat(node.healthy()).isTrue();
        assertThat(node.labels()).containsEntry("zone", "a");
        assertThat(node.resources().cpus()).isEqualTo(4);
    }

    @Test
    void lifecycleOperationsRunAsJobsWithProgress() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        Job commission = admin.operate(id, NodeOperation.COMMISSION);
        assertThat(commission.kind()).isEqualTo("node.commission");
        assertThat(commission.progress().total()).isEqualTo(1);
        Job done = awaitJob(commission.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.progress().done()).isEqualTo(1);
        assertThat(admin.node(id).state()).isEqualTo(NodeState.ACTIVE);

        awaitJob(admin.operate(id, NodeOperation.DRAIN).id());
        assertThat(admin.node(id).state()).isEqualTo(NodeState.DRAINING);
        awaitJob(admin.operate(id, NodeOperation.DECOMMISSION).id());
        assertThat(admin.node(id).state()).isEqualTo(NodeState.DECOMMISSIONED);
    }

    @Test
    void illegalTransitionIs409NamingTheAllowedOperations() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        assertThatThrownBy(() -> admin.operate(id, NodeOperation.DRAIN))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().detail()).contains("DISCOVERED").contains("COMMISSION");
                });
        assertThat(admin.jobs()).isEmpty();
    }

    @Test
    void batchRunsOverSelectedNodesInBatches() {
        for (int i = 0; i < 5; i++) {
            FakeAgents.join(agent, "n" + i, Map.of("rack", i < 4 ? "r1" : "r2"));
        }
        Job job = admin.batch(new BatchRequest(NodeOperation.COMMISSION,
                new NodeSelector(null, null, Map.of("rack", "r1"), null), 2));
        assertThat(job.kind()).isEqualTo("node.batch");
        assertThat(job.batchSize()).isEqualTo(2);
        assertThat(job.progress().total()).isEqualTo(4);
        Job done = awaitJob(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.progress().done()).isEqualTo(4);
        assertThat(admin.nodes(Map.of("state", "ACTIVE"))).hasSize(4);
        assertThat(admin.nodes(Map.of("label", "rack=r2")).get(0).state()).isEqualTo(NodeState.DISCOVERED);
    }

    @Test
    void batchSkipsNodesWhoseStateForbidsTheOperation() {
        String a = FakeAgents.join(agent, "a", Map.of());
        FakeAgents.join(agent, "b", Map.of());
        awaitJob(admin.operate(a, NodeOperation.COMMISSION).id());
        Job done = awaitJob(admin.batch(new BatchRequest(NodeOperation.DRAIN,
                new NodeSelector(null, null, null, true), 5)).id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.steps()).extracting(s -> s.state()).containsExactlyInAnyOrder(JobState.SUCCEEDED,
                JobState.CANCELLED);
    }

    @Test
    void labelsAreSetAndRemovedByPatch() {
        String id = FakeAgents.join(agent, "web-1", Map.of("zone", "a", "tier", "web"));
        Map<String, String> change = new HashMap<>();
        change.put("zone", "b");
        change.put("tier", "");
        NodeView node = admin.patchNode(id, new NodePatch(change));
        assertThat(node.labels()).containsExactly(Map.entry("zone", "b"));
    }

    @Test
    void deleteRefusesAnActiveOnNodeAndForgetsADecommissionedOne() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        assertThatThrownBy(() -> admin.deleteNode(id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        awaitJob(admin.operate(id, NodeOperation.DECOMMISSION).id());
        admin.deleteNode(id);
        assertThatThrownBy(() -> admin.node(id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void rejoinWithKeptIdIsTheSameNode() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        var again = FakeAgents.as(id).join(new io.cluman.model.agent.JoinRequest(null, "web-1", Map.of(),
                FakeAgents.facts("web-1")));
        assertThat(again.nodeId()).isEqualTo(id);
        assertThat(admin.nodes(Map.of())).hasSize(1);
    }

    @Test
    void lowDiskMakesANodeUnhealthyWithAReason() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        FakeAgents.beat(agent, id, 1L << 30);
        NodeView node = admin.node(id);
        assertThat(node.healthy()).isFalse();
        assertThat(node.healthReason()).contains("disk");
        FakeAgents.beat(agent, id, 60L << 30);
        assertThat(admin.node(id).healthy()).isTrue();
    }

    @Test
    void aDockerEngineThatStopsAnsweringMakesTheNodeUnhealthyWithEngineEvents() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        var up = Map.of("docker", new DriverHealth(true, ""), "process", new DriverHealth(true, ""));
        var down = Map.of("docker", new DriverHealth(false, "connection refused"), "process",
                new DriverHealth(true, ""));
        FakeAgents.beat(agent, id, 60L << 30, up);
        FakeAgents.beat(agent, id, 60L << 30, down);
        assertThat(admin.node(id).healthy()).isFalse();
        assertThat(admin.node(id).healthReason()).contains("docker").contains("connection refused");
        FakeAgents.beat(agent, id, 60L << 30, up);
        assertThat(admin.node(id).healthy()).isTrue();
        assertThat(admin.events(Map.of("topic", "bus.cluman.dockerservice")))
                .extracting(e -> e.action().wireName()).containsExactly("offline", "online");
    }

    @Test
    void heartbeatCarriesTheIntervalAndTheNodeState() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        var reply = FakeAgents.beat(agent, id, 60L << 30);
        assertThat(reply.heartbeatIntervalMillis()).isEqualTo(1000);
        assertThat(reply.state()).isEqualTo(NodeState.DISCOVERED);
    }

    @Test
    void silentNodeGoesOffAndComesBackOnWithEvents() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.node(id).on());
        FakeAgents.beat(agent, id, 60L << 30);
        assertThat(admin.node(id).on()).isTrue();
        var actions = admin.events(Map.of("topic", "node")).stream().map(e -> e.action().wireName()).toList();
        assertThat(actions).containsSubsequence("create", "offline", "online");
        assertThat(admin.events(Map.of("topic", "bus.cluman.errors"))).anyMatch(e -> e.message().contains("is off"));
    }
}
