package io.cluman.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.check.Check;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckPlacementTest {
    private static Node node(String id, String cluster, NodeState state, boolean on, boolean healthy) {
        return new Node(id, id, Map.of(), state, on, healthy, "", cluster, null, null, Instant.EPOCH, Instant.EPOCH, 1);
    }

    private static Node active(String id, String cluster) {
        return node(id, cluster, NodeState.ACTIVE, true, true);
    }

    private static Check check(String name, String cluster, String node) {
        return new Check(name, Check.TCP, "db:5432", Duration.ofSeconds(30), Duration.ofSeconds(5), cluster, node,
                node == null ? null : Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void newChecksGoToTheNodesOfTheirClusterThatRunTheFewest() {
        List<Node> nodes = List.of(active("a", "prod"), active("b", "prod"), active("c", null));
        Map<String, Optional<String>> moves = CheckPlacement.moves(List.of(check("x1", "prod", "a"),
                check("x2", "prod", null), check("x3", "prod", null), check("x4", "all", null),
                check("x5", "orphans", null)), nodes);

        assertThat(moves).containsExactly(Map.entry("x2", Optional.of("b")), Map.entry("x3", Optional.of("a")),
                Map.entry("x4", Optional.of("c")), Map.entry("x5", Optional.of("c")));
    }

    @Test
    void aCheckLeavesANodeThatIsOffUnhealthyOutOfServiceOrOutOfItsCluster() {
        List<Node> nodes = List.of(node("off", "prod", NodeState.ACTIVE, false, true),
                node("sick", "prod", NodeState.ACTIVE, true, false), node("draining", "prod", NodeState.DRAINING,
                        true, true), active("elsewhere", "test"), active("good", "prod"));
        Map<String, Optional<String>> moves = CheckPlacement.moves(List.of(check("c1", "prod", "off"),
                check("c2", "prod", "sick"), check("c3", "prod", "draining"), check("c4", "prod", "elsewhere"),
                check("c5", "prod", "gone"), check("c6", "prod", "good")), nodes);

        assertThat(moves).containsOnlyKeys("c1", "c2", "c3", "c4", "c5").allSatisfy((name, to) ->
                assertThat(to).contains("good"));
    }

    @Test
    void withoutANodeThatMayRunItACheckDanglesAndADanglingOneStaysQuiet() {
        List<Node> nodes = List.of(node("off", "prod", NodeState.ACTIVE, false, true));

        assertThat(CheckPlacement.moves(List.of(check("c1", "prod", "off"), check("c2", "prod", null)), nodes))
                .containsExactly(Map.entry("c1", Optional.empty()));
    }
}
