package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ReplicaView;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services through the API on a real server with hand-driven agents: replicas placed and spread by the
 * leader's controller, scaled, replaced when their node stays off past the grace, held in a storm.
 * Nodes go off after 3 s without heartbeats; the grace is 1 s.
 */
class ServiceApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    List<String> nodes;
    /** Nodes whose fake agent heartbeats; take one out and it goes off. */
    Set<String> beating;
    Heartbeats beats;

    @BeforeEach
    void start() {
        // the lost grace (counted from the last heartbeat) outlasts off-after by a second: nodes that fall
        // silent together are all off before any replica is replaced, whatever the liveness sweep's timing
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofSeconds(3))
                .withReplacement(new ReplacementPolicy(Duration.ofSeconds(4), 0.5)));
        admin = server.admin();
        agent = server.agent();
        beats = new Heartbeats(agent);
        beating = beats.beating();
        nodes = List.of(activeNode("a"), activeNode("b"), activeNode("c"));
        beating.addAll(nodes);
    }

    @AfterEach
    void stop() {
        beats.close();
        server.close();
    }

    private String activeNode(String name) {
        String id = FakeAgents.join(agent, name, Map.of("zone", "a"));
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    static ServiceRequest sleepers(String name, Integer replicas) {
        return new ServiceRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "3600"), null, Map.of("A", "1"),
                null, null, null, null, null, null, replicas, null, List.of("zone==a"), null, null, null);
    }

    private ServiceView awaitReplicas(String name, int count) {
        return await().atMost(WAIT).until(() -> admin.service(name), s -> s.replicas().size() == count);
    }

    private static Map<String, Long> perNode(ServiceView s) {
        return s.replicas().stream().collect(Collectors.groupingBy(ReplicaView::node, Collectors.counting()));
    }

    @Test
    void replicasArePlacedSpreadOverTheNodesAndCountedWhenRunning() {
        ServiceView created = admin.createService(sleepers("web", 6));
        assertThat(created.desired()).isEqualTo(6);
        assertThat(created.generation()).isEqualTo(1);
        assertThat(created.spec().constraints()).containsExactly("zone==a");

        ServiceView placed = awaitReplicas("web", 6);
        assertThat(perNode(placed)).containsOnlyKeys(nodes).allSatisfy((node, count) -> assertThat(count).isEqualTo(2));
        assertThat(placed.replicas()).allSatisfy(r -> assertThat(r.container()).matches("web-[a-z0-9]{5}"));
        assertThat(placed.running()).isZero();
        List<ContainerView> containers = admin.containers(Map.of("service", "web"));
        assertThat(containers).hasSize(6).allSatisfy(c -> {
            assertThat(c.service()).isEqualTo("web");
            assertThat(c.spec().command()).containsExactly("/bin/sleep", "3600");
        });
        containers.forEach(c -> FakeAgents.report(agent, c.node(), c.allocId(), TaskState.RUNNING, null));
        await().atMost(WAIT).until(() -> admin.service("web").running() == 6);
        assertThat(admin.services()).singleElement().satisfies(s -> {
            assertThat(s.desired()).isEqualTo(6);
            assertThat(s.running()).isEqualTo(6);
        });
        assertThat(admin.events(Map.of("topic", "service"))).extracting(Event::message)
                .anyMatch(m -> m.contains("service web created with 6 replica(s)"));
    }

    @Test
    void aLargeScaleUpAndDownIsWrittenInSeveralTransactionsAndLeavesExactlyTheCount() {
        // 140 replicas: more than one placement transaction (62 on 3 nodes) and one removal transaction (64)
        admin.createService(sleepers("big", 140));
        Set<String> all = names(awaitReplicas("big", 140));
        assertThat(all).hasSize(140);
        admin.scaleService("big", 3);
        Set<String> kept = names(awaitReplicas("big", 3));
        assertThat(all).containsAll(kept);
        assertThat(admin.containers(Map.of("service", "big"))).extracting(ContainerView::name)
                .containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void constraintsAreEnforcedAndAServiceNoNodeMatchesSaysWhy() {
        ServiceRequest zoneB = new ServiceRequest("b", DriverName.PROCESS, null, List.of("/bin/sleep", "3600"), null,
                null, null, null, null, null, null, null, 2, null, List.of("zone==b"), null, null, null);
        admin.createService(zoneB);
        await().atMost(WAIT).until(() -> admin.events(Map.of("topic", "service")).stream().map(Event::message)
                .anyMatch(m -> m.contains("service b cannot place a replica now: placed 0 of 2; 3 nodes: 3 constraint"
                        + " zone=b")));
        assertThat(admin.containers(Map.of("service", "b"))).isEmpty();
    }

    @Test
    void scalingUpAddsReplicasAndScalingDownRemovesTheNewest() {
        admin.createService(sleepers("api", 2));
        Set<String> first = names(awaitReplicas("api", 2));
        assertThat(admin.scaleService("api", 5).desired()).isEqualTo(5);
        assertThat(names(awaitReplicas("api", 5))).containsAll(first);
        admin.scaleService("api", 2);
        assertThat(names(awaitReplicas("api", 2))).isEqualTo(first);
        admin.scaleService("api", 0);
        awaitReplicas("api", 0);
        assertThat(admin.containers(Map.of("service", "api"))).isEmpty();
    }

    @Test
    void aRemovedReplicaIsPlacedAgain() {
        admin.createService(sleepers("api", 3));
        String victim = awaitReplicas("api", 3).replicas().get(0).container();
        admin.deleteContainer(victim);
        await().atMost(WAIT).until(() -> admin.service("api"), s -> s.replicas().size() == 3
                && !names(s).contains(victim));
    }

    @Test
    void replicasOfANodeOffPastTheGraceAreReplacedOnTheOthers() {
        admin.createService(sleepers("web", 6));
        awaitReplicas("web", 6);
        String gone = nodes.get(2);
        beating.remove(gone);

        ServiceView moved = await().atMost(WAIT).until(() -> admin.service("web"),
                s -> s.replicas().size() == 6 && !perNode(s).containsKey(gone));
        assertThat(perNode(moved)).allSatisfy((node, count) -> assertThat(count).isEqualTo(3));
        assertThat(FakeAgents.as(gone).assignments(gone, 0, Duration.ZERO).assignments()).isEmpty();
        assertThat(admin.containers(Map.of("service", "web"))).hasSize(6);
        assertThat(admin.events(Map.of("topic", "service"))).extracting(Event::message)
                .filteredOn(m -> m.contains("was lost with node " + gone)).hasSize(2);
    }

    @Test
    void aStormHoldsReplacementSaysWhyOnceAndClearsWhenNodesReturn() {
        admin.createService(sleepers("web", 3));
        awaitReplicas("web", 3);
        beating.removeAll(nodes.subList(1, 3));

        ServiceView held = await().atMost(WAIT).until(() -> admin.service("web"), s -> s.held() != null);
        assertThat(held.held()).contains("2 of 3 nodes of all are off");
        assertThat(perNode(held)).containsOnlyKeys(nodes);
        List<Event> errors = admin.events(Map.of("topic", "service", "severity", "ERROR"));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.ERROR));

        beating.addAll(nodes);
        await().atMost(WAIT).until(() -> admin.service("web").held() == null);
        assertThat(perNode(admin.service("web"))).containsOnlyKeys(nodes);
        assertThat(admin.events(Map.of("topic", "service", "severity", "ERROR"))).hasSize(1);
    }

    @Test
    void removingAServiceRemovesItsReplicas() {
        admin.createService(sleepers("web", 4));
        awaitReplicas("web", 4);
        admin.deleteService("web");
        assertThat(admin.services()).isEmpty();
        await().atMost(WAIT).until(() -> admin.containers(Map.of("service", "web")).isEmpty());
        nodes.forEach(n -> assertThat(FakeAgents.as(n).assignments(n, 0, Duration.ZERO).assignments()).isEmpty());
    }

    @Test
    void replacingTheSpecBumpsTheGenerationAndKeepsTheCount() {
        admin.createService(sleepers("web", 2));
        awaitReplicas("web", 2);
        ServiceRequest changed = new ServiceRequest(null, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null,
                null, null, null, null, null, null, null, null, null, null, "zone", 2, null);
        ServiceView replaced = admin.replaceService("web", changed);
        assertThat(replaced.generation()).isEqualTo(2);
        assertThat(replaced.desired()).isEqualTo(2);
        assertThat(replaced.spec().command()).containsExactly("/bin/sleep", "60");
        assertThat(replaced.spec().spread()).isEqualTo("zone");
        assertThat(replaced.spec().maxUnavailable()).isEqualTo(2);
        admin.scaleService("web", 3);
        String added = await().atMost(WAIT).until(() -> admin.containers(Map.of("service", "web")),
                list -> list.size() == 3).stream().filter(c -> c.spec().command().contains("60")).findFirst()
                .orElseThrow().name();
        assertThat(added).startsWith("web-");
    }

    private static Set<String> names(ServiceView s) {
        return s.replicas().stream().map(ReplicaView::container).collect(Collectors.toSet());
    }
}
