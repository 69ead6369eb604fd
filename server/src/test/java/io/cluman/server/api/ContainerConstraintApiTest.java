package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.client.ApiException;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Event;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.validation.FieldError;
import io.cluman.server.FakeAgents;
import io.cluman.server.Heartbeats;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import io.cluman.server.services.ReplacementPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement constraints on plain containers, through the API with hand-driven agents: enforced when the
 * container is placed, shown in its view, and enforced again when its node is lost and it is placed elsewhere.
 * Nodes: {@code a1} (zone a), {@code b1} and {@code b2} (zone b, b2 with an ssd), all in cluster prod; nodes go
 * off after 3 s without heartbeats, the lost grace is 1 s.
 */
class ContainerConstraintApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    Heartbeats beats;
    Set<String> beating;
    /** Node name → id. */
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofSeconds(3))
                .withReplacement(new ReplacementPolicy(Duration.ofSeconds(1), 0.5)));
        admin = server.admin();
        agent = server.agent();
        beats = new Heartbeats(agent);
        beating = beats.beating();
        admin.createCluster(new ClusterRequest("prod", "", null, null));
        Map<String, Map<String, String>> nodes = Map.of("a1", Map.of("zone", "a"), "b1", Map.of("zone", "b"),
                "b2", Map.of("zone", "b", "disk", "ssd"));
        for (String name : List.of("a1", "b1", "b2")) {
            String id = FakeAgents.join(agent, name, nodes.get(name));
            String job = admin.operate(id, NodeOperation.COMMISSION).id();
            await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
            admin.addNode("prod", id);
            beating.add(id);
            ids.put(name, id);
        }
    }

    @AfterEach
    void stop() {
        beats.close();
        server.close();
    }

    private static ContainerRequest sleeper(String name, String node, List<String> constraints) {
        return new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null, node,
                node == null ? "prod" : null, Map.of(), List.of(), Map.of(), new ResourceRequest(0.25, "64M"), null,
                null, null, constraints);
    }

    @Test
    void aContainerGoesOnlyWhereItsConstraintsHoldAndShowsThem() {
        for (int i = 0; i < 4; i++) {
            ContainerView c = admin.createContainer(sleeper("zone-b-" + i, null, List.of(" zone==b ")));
            assertThat(c.node()).isIn(ids.get("b1"), ids.get("b2"));
            assertThat(c.constraints()).containsExactly("zone==b");
        }
        assertThat(admin.createContainer(sleeper("ssd", null, List.of("disk exists", "zone in (a,b)"))).node())
                .isEqualTo(ids.get("b2"));
        assertThat(admin.createContainer(sleeper("not-a", null, List.of("node.name!=a1", "node.name!=b1")))
                .node()).isEqualTo(ids.get("b2"));
        assertThat(admin.createContainer(sleeper("plain", null, null)).constraints()).isNull();
    }

    @Test
    void aConstraintNoNodeMeetsIsRefusedWithTheSchedulersReasonAndMakesNothing() {
        assertThatThrownBy(() -> admin.createContainer(sleeper("nowhere", null, List.of("zone==c"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("3 nodes: 3 constraint zone=c");
                    assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("constraints");
                });
        assertThatThrownBy(() -> admin.createContainer(sleeper("named", ids.get("a1"), List.of("zone==b"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("constraint zone=b");
                    assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("node");
                });
        assertThat(admin.containers(Map.of())).isEmpty();
    }

    @Test
    void aLostContainerIsPlacedAgainOnlyWhereItsConstraintsHold() {
        ContainerView c = admin.createContainer(sleeper("in-b", null, List.of("zone==b", "node.name!=b2")));
        assertThat(c.node()).isEqualTo(ids.get("b1"));
        FakeAgents.report(agent, c.node(), c.allocId(), TaskState.RUNNING, null);

        // b1 is lost; b2 is excluded by name and a1 by zone: the container waits, lost, and says why
        beating.remove(ids.get("b1"));
        await().atMost(WAIT).until(() -> admin.container("in-b").status() == TaskState.LOST);
        await().atMost(WAIT).until(() -> admin.events(Map.of("topic", "bus.cluman.log.docker")).stream()
                .map(Event::message).anyMatch(m -> m.contains("in-b") && m.contains("cannot be placed again now")
                        && m.contains("constraint")));
        assertThat(admin.container("in-b").node()).isEqualTo(ids.get("b1"));

        // a second container that may go to b2 does, once b1 is lost
        ContainerView other = admin.createContainer(sleeper("any-b", null, List.of("zone==b")));
        assertThat(other.node()).isEqualTo(ids.get("b2"));
        assertThat(admin.container("in-b").constraints()).containsExactly("zone==b", "node.name!=b2");
    }

    @Test
    void aLostContainerMovesToTheOtherNodeThatMeetsItsConstraints() {
        ContainerView c = admin.createContainer(sleeper("zone-b", null, List.of("zone==b")));
        String gone = c.node();
        String other = gone.equals(ids.get("b1")) ? ids.get("b2") : ids.get("b1");
        FakeAgents.report(agent, gone, c.allocId(), TaskState.RUNNING, null);
        beating.remove(gone);
        ContainerView moved = await().atMost(WAIT).until(() -> admin.container("zone-b"),
                v -> !v.node().equals(gone));
        assertThat(moved.node()).isEqualTo(other);
        assertThat(moved.constraints()).containsExactly("zone==b");
    }
}
