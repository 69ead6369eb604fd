package io.cluman.server.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** {@link Spread} (where the next replica goes) and {@link StormGuard} (when re-placement waits). */
class PlacementRulesTest {
    private static Node node(String id, boolean on, Map<String, String> labels) {
        return new Node(id, id, labels, NodeState.ACTIVE, on, true, "", null, null, null, Instant.EPOCH,
                Instant.EPOCH, 1);
    }

    @Test
    void nodesWithFewerReplicasOfTheServiceRankFirst() {
        List<Node> nodes = List.of(node("a", true, Map.of()), node("b", true, Map.of()), node("c", true, Map.of()));
        ToIntFunction<Node> rank = Spread.rank(null, List.of("a", "a", "b"), nodes);
        assertThat(nodes.stream().mapToInt(rank).toArray()).containsExactly(2, 1, 0);
    }

    @Test
    void aSpreadLabelRanksItsValuesBeforeNodes() {
        Node a1 = node("a1", true, Map.of("zone", "a"));
        Node a2 = node("a2", true, Map.of("zone", "a"));
        Node b1 = node("b1", true, Map.of("zone", "b"));
        Node b2 = node("b2", true, Map.of("zone", "b"));
        Node none = node("x", true, Map.of());
        ToIntFunction<Node> rank = Spread.rank("zone", List.of("a1", "b1", "b2"), List.of(a1, a2, b1, b2, none));
        assertThat(rank.applyAsInt(none)).isLessThan(rank.applyAsInt(a2));
        assertThat(rank.applyAsInt(a2)).isLessThan(rank.applyAsInt(a1));
        assertThat(rank.applyAsInt(a1)).isLessThan(rank.applyAsInt(b1));
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
