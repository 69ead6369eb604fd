package io.cluman.model.node;

import static io.cluman.model.node.NodeOperation.COMMISSION;
import static io.cluman.model.node.NodeOperation.DECOMMISSION;
import static io.cluman.model.node.NodeOperation.DRAIN;
import static io.cluman.model.node.NodeOperation.UPGRADE;
import static io.cluman.model.node.NodeState.ACTIVE;
import static io.cluman.model.node.NodeState.COMMISSIONING;
import static io.cluman.model.node.NodeState.DECOMMISSIONED;
import static io.cluman.model.node.NodeState.DECOMMISSIONING;
import static io.cluman.model.node.NodeState.DISCOVERED;
import static io.cluman.model.node.NodeState.DRAINING;
import static io.cluman.model.node.NodeState.UPGRADING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeLifecycleTest {

    static Stream<Arguments> moves() {
        return Stream.of(
                Arguments.of(DISCOVERED, EnumSet.of(COMMISSIONING, DECOMMISSIONING)),
                Arguments.of(COMMISSIONING, EnumSet.of(ACTIVE, DISCOVERED, DECOMMISSIONING)),
                Arguments.of(ACTIVE, EnumSet.of(DRAINING, UPGRADING, DECOMMISSIONING)),
                Arguments.of(DRAINING, EnumSet.of(ACTIVE, DECOMMISSIONING)),
                Arguments.of(UPGRADING, EnumSet.of(ACTIVE, DECOMMISSIONING)),
                Arguments.of(DECOMMISSIONING, EnumSet.of(DECOMMISSIONED)),
                Arguments.of(DECOMMISSIONED, EnumSet.of(COMMISSIONING)));
    }

    @ParameterizedTest(name = "{0} may move to {1}")
    @MethodSource("moves")
    void allowsExactlyTheTableMoves(NodeState from, Set<NodeState> allowed) {
        assertThat(NodeLifecycle.allowedMoves(from)).containsExactlyInAnyOrderElementsOf(allowed);
        for (NodeState to : NodeState.values()) {
            assertThat(NodeLifecycle.canMove(from, to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of(COMMISSION, DISCOVERED, List.of(COMMISSIONING, ACTIVE)),
                Arguments.of(COMMISSION, DECOMMISSIONED, List.of(COMMISSIONING, ACTIVE)),
                Arguments.of(COMMISSION, DRAINING, List.of(ACTIVE)),
                Arguments.of(COMMISSION, UPGRADING, List.of(ACTIVE)),
                Arguments.of(COMMISSION, ACTIVE, List.of()),
                Arguments.of(COMMISSION, DECOMMISSIONING, List.of()),
                Arguments.of(DRAIN, ACTIVE, List.of(DRAINING)),
                Arguments.of(DRAIN, DISCOVERED, List.of()),
                Arguments.of(DRAIN, DRAINING, List.of()),
                Arguments.of(DECOMMISSION, ACTIVE, List.of(DECOMMISSIONING, DECOMMISSIONED)),
                Arguments.of(DECOMMISSION, DISCOVERED, List.of(DECOMMISSIONING, DECOMMISSIONED)),
                Arguments.of(DECOMMISSION, DRAINING, List.of(DECOMMISSIONING, DECOMMISSIONED)),
                Arguments.of(DECOMMISSION, DECOMMISSIONED, List.of()),
                Arguments.of(UPGRADE, ACTIVE, List.of(UPGRADING, ACTIVE)),
                Arguments.of(UPGRADE, DRAINING, List.of()));
    }

    @ParameterizedTest(name = "{0} from {1} walks {2}")
    @MethodSource("paths")
    void operationsWalkTheirPath(NodeOperation op, NodeState from, List<NodeState> expected) {
        assertThat(NodeLifecycle.path(op, from)).isEqualTo(expected);
        assertThat(NodeLifecycle.allowedOperations(from).contains(op)).isEqualTo(!expected.isEmpty());
    }

    @ParameterizedTest(name = "every path step from {1} is an allowed move")
    @MethodSource("paths")
    void everyPathIsMadeOfAllowedMoves(NodeOperation op, NodeState from, List<NodeState> path) {
        NodeState at = from;
        for (NodeState next : path) {
            assertThat(NodeLifecycle.canMove(at, next)).isTrue();
            at = next;
        }
    }
}
