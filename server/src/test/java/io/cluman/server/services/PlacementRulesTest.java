package io.cluman.server.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.model.service.Service;
import io.cluman.scheduler.NodeInfo;
import io.cluman.scheduler.PlacementRequest;
import io.cluman.scheduler.Sampling;
import io.cluman.scheduler.Scheduler;
import io.cluman.scheduler.Snapshot;
import io.cluman.server.FakeAgents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a service's next replicas go ({@link ReplicaWriter#request} on the scheduler) and {@link StormGuard}
 * (when re-placement waits).
 */
class PlacementRulesTest {
    private static Node node(String id, boolean on, Map<String, String> labels) {
        return new Node(id, id, labels, NodeState.ACTIVE, on, true, "", null, null, null, Instant.EPOCH,
                Instant.EPOCH, 1);
    }

    private static Node active(String id, Map<String, String> labels) {
        return new Node(id, id, labels, NodeState.ACTIVE, true, true, "", null, null, FakeAgents.facts(id),
                Instant.EPOCH, Instant.EPOCH, 1);
    }

    private static Service web(String spread, List<String> ports, List<String> constraints) {
        ContainerRequest template = new ContainerRequest("web", DriverName.PROCESS, null, List.of("/bin/sleep", "60"),
                null, null, null, null, ports, null, new ResourceRequest(0.5, "256M"), null, null);
        return new Service("web", template, 3, null, constraints, spread, 1, 1, null, null, Instant.EPOCH, 0, null,
                List.of(), template, 1, null);
    }

    /**
     * Where the scheduler puts {@code count} more replicas of {@code s}, given its replicas per node, scoring
     * every node as the server does on small clusters.
     */
    private static List<String> place(Service s, int count, List<Node> nodes, Map<String, Integer> existing) {
        PlacementRequest r = ReplicaWriter.request(s, count);
        PlacementRequest withExisting = new PlacementRequest(r.service(), r.replicas(), r.milliCpus(), r.memory(),
                r.driver(), r.hostPorts(), r.target(), r.constraints(), r.ranking(), r.affinities(),
                r.spreadLabel(), r.distinctNodes(), existing);
        Snapshot snapshot = Snapshot.of(nodes.stream().map(n -> NodeInfo.from(n, List.of())).toList());
        return new Scheduler(snapshot, 7, Sampling.EXHAUSTIVE).place(withExisting).plan().nodeIds();
    }

    @Test
    void nodesWithFewerReplicasOfTheServiceComeFirst() {
        List<Node> nodes = List.of(active("a", Map.of()), active("b", Map.of()), active("c", Map.of()));
        assertThat(place(web(null, List.of(), List.of()), 1, nodes, Map.of("a", 2, "b", 1))).containsExactly("c");
        assertThat(place(web(null, List.of(), List.of()), 3, nodes, Map.of())).containsExactlyInAnyOrder("a", "b",
                "c");
    }

    @Test
    void aSpreadLabelBalancesItsValuesBeforeNodes() {
        List<Node> nodes = List.of(active("a1", Map.of("zone", "a")), active("a2", Map.of("zone", "a")),
                active("b1", Map.of("zone", "b")), active("b2", Map.of("zone", "b")), active("x", Map.of()));
        assertThat(place(web("zone", List.of(), List.of()), 2, nodes, Map.of("a1", 1, "b1", 1, "b2", 1)))
                .containsExactly("x", "a2");
    }

    @Test
    void hostPortsRequireDistinctNodesAndConstraintsAreEnforced() {
        List<Node> nodes = List.of(active("a", Map.of("zone", "a")), active("b", Map.of("zone", "b")),
                active("c", Map.of("zone", "a")));
        assertThat(place(web(null, List.of("8080:80"), List.of()), 3, nodes, Map.of("a", 1)))
                .containsExactlyInAnyOrder("b", "c");
        assertThat(place(web(null, List.of(), List.of("zone!=b")), 4, nodes, Map.of()))
                .hasSize(4).doesNotContain("b");
    }

    @Test
    void stormWhenMoreThanTheShareOfNodesAreOff() {
        List<Node> twoOfThreeOff = List.of(node("a", false, Map.of()), node("b", false, Map.of()),
                node("c", true, Map.of()));
        assertThat(StormGuard.held("prod", twoOfThreeOff, 0.5)).get().asString()
                .contains("2 of 3 nodes of prod are off");
    }

    @Test
    void noStormAtOrBelowTheShare() {
        List<Node> halfOff = List.of(node("a", false, Map.of()), node("b", true, Map.of()));
        assertThat(StormGuard.held("prod", halfOff, 0.5)).isEmpty();
        assertThat(StormGuard.held("prod", List.of(), 0.5)).isEmpty();
        List<Node> oneOfThreeOff = List.of(node("a", false, Map.of()), node("b", true, Map.of()),
                node("c", true, Map.of()));
        assertThat(StormGuard.held("prod", oneOfThreeOff, 0.5)).isEmpty();
    }
}
