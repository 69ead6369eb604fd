package io.cluman.model.node;

import static io.cluman.model.node.NodeState.ACTIVE;
import static io.cluman.model.node.NodeState.COMMISSIONING;
import static io.cluman.model.node.NodeState.DECOMMISSIONED;
import static io.cluman.model.node.NodeState.DECOMMISSIONING;
import static io.cluman.model.node.NodeState.DISCOVERED;
import static io.cluman.model.node.NodeState.DRAINING;
import static io.cluman.model.node.NodeState.UPGRADING;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which lifecycle moves are allowed, and which states an operation walks
 * a node through. Pure; table-tested.
 */
public final class NodeLifecycle {
    private static final Map<NodeState, EnumSet<NodeState>> MOVES = new EnumMap<>(NodeState.class);

    static {
        MOVES.put(DISCOVERED, EnumSet.of(COMMISSIONING, DECOMMISSIONING));
        MOVES.put(COMMISSIONING, EnumSet.of(ACTIVE, DISCOVERED, DECOMMISSIONING));
        MOVES.put(ACTIVE, EnumSet.of(DRAINING, UPGRADING, DECOMMISSIONING));
        MOVES.put(DRAINING, EnumSet.of(ACTIVE, DECOMMISSIONING));
        MOVES.put(UPGRADING, EnumSet.of(ACTIVE, DECOMMISSIONING));
        MOVES.put(DECOMMISSIONING, EnumSet.of(DECOMMISSIONED));
        MOVES.put(DECOMMISSIONED, EnumSet.of(COMMISSIONING));
    }

    private NodeLifecycle() {
    }

    /** The states a node may move to from {@code from}. */
    public static Set<NodeState> allowedMoves(NodeState from) {
        return EnumSet.copyOf(MOVES.get(from));
    }

    public static boolean canMove(NodeState from, NodeState to) {
        return MOVES.get(from).contains(to);
    }

    /**
     * The states {@code operation} moves a node through, starting from {@code from}, ending in the
     * operation's final state. Empty when the operation is not allowed from {@code from}.
     */
    public static List<NodeState> path(NodeOperation operation, NodeState from) {
        List<NodeState> steps = switch (operation) {
            case COMMISSION -> from == DRAINING || from == UPGRADING ? List.of(ACTIVE) : List.of(COMMISSIONING, ACTIVE);
            case DRAIN -> List.of(DRAINING);
            case DECOMMISSION -> List.of(DECOMMISSIONING, DECOMMISSIONED);
            case UPGRADE -> List.of(UPGRADING, ACTIVE);
        };
        NodeState at = from;
        for (NodeState next : steps) {
            if (!canMove(at, next)) {
                return List.of();
            }
            at = next;
        }
        return steps;
    }

    /** The operations that are allowed on a node in state {@code from}. */
    public static List<NodeOperation> allowedOperations(NodeState from) {
        List<NodeOperation> allowed = new ArrayList<>();
        for (NodeOperation op : NodeOperation.values()) {
            if (!path(op, from).isEmpty()) {
                allowed.add(op);
            }
        }
        return allowed;
    }

    /** Only ACTIVE nodes take new placements (they must also be on and healthy). */
    public static boolean takesPlacements(NodeState state) {
        return state == ACTIVE;
    }
}
