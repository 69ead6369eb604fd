package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.Heartbeats;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import io.cluman.server.services.ReplacementPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain containers of a node that stays off, through the API with hand-driven agents: one the scheduler placed
 * in a cluster is placed again on another node of it, one created on a named node stays LOST there. Nodes go
 * off after 3 s without heartbeats; the lost grace is 1 s.
 */
class ContainerFailoverApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    /** Nodes whose fake agent heartbeats; take one out and it goes off. */
    Set<String> beating;
    Heartbeats beats;

    @BeforeEach
    void start() {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofSeconds(3))
                .withReplacement(new ReplacementPolicy(Duration.ofSeconds(1), 0.5)));
        admin = server.admin();
        agent = server.agent();
        beats = new Heartbeats(agent);
        beating = beats.beating();
        admin.createCluster(new ClusterRequest("prod", "", null, null));
        for (String name : List.of("a", "b", "c")) {
            String id = FakeAgents.join(agent, name, Map.of());
            String job = admin.operate(id, NodeOperation.COMMISSION).id();
            await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
            admin.addNode("prod", id);
            beating.add(id);
        }
    }

    @AfterEach
    void stop() {
        beats.close();
        server.close();
    }

    private static ContainerRequest sleeper(String name, String node, String cluster) {
        return new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null, node, cluster,
                Map.of(), List.of(), Map.of(), new ResourceRequest(0.5, "64M"), null, null);
    }

    @Test
    void aClusterPlacedContainerMovesAndANodePinnedOneStaysLost() {
        ContainerView before = admin.createContainer(sleeper("movable", null, "prod"));
        String gone = before.node();
        FakeAgents.report(agent, gone, before.allocId(), TaskState.RUNNING, null);
        admin.createContainer(sleeper("pinned", gone, null));
        beating.remove(gone);

        ContainerView moved = await().atMost(WAIT).until(() -> admin.container("movable"),
                c -> !c.node().equals(gone));
        assertThat(moved.status()).isEqualTo(TaskState.PENDING);
        assertThat(moved.allocId()).isNotEqualTo(before.allocId());
        assertThat(moved.generation()).isGreaterThan(before.generation());
        assertThat(moved.spec()).isEqualTo(before.spec());
        assertThat(admin.node(moved.node()).cluster()).isEqualTo("prod");
        ContainerView pinned = await().atMost(WAIT).until(() -> admin.container("pinned"),
                c -> c.status() == TaskState.LOST);
        assertThat(pinned.node()).isEqualTo(gone);
        assertThat(FakeAgents.as(gone).assignments(gone, 0, Duration.ZERO).assignments()).extracting(a -> a.name())
                .containsExactly("pinned");
        assertThat(FakeAgents.as(moved.node()).assignments(moved.node(), 0, Duration.ZERO).assignments()).extracting(a -> a.name())
                .contains("movable");
        List<Event> warnings = admin.events(Map.of("topic", "bus.cluman.log.docker", "severity",
                Severity.WARNING.name()));
        assertThat(warnings).extracting(Event::message).contains("container movable was lost with node "
                + admin.node(gone).name() + "; placed again on node " + admin.node(moved.node()).name());

        // the old node returns and reports its stale copy: ignored, the container stays where it was placed
        beating.add(gone);
        await().atMost(WAIT).until(() -> admin.node(gone).on());
        FakeAgents.report(agent, gone, before.allocId(), TaskState.RUNNING, null);
        assertThat(admin.container("movable")).satisfies(c -> {
            assertThat(c.node()).isEqualTo(moved.node());
            assertThat(c.allocId()).isEqualTo(moved.allocId());
            assertThat(c.status()).isEqualTo(TaskState.PENDING);
        });
        assertThat(admin.container("pinned").node()).isEqualTo(gone);
    }
}
