package io.cluman.server.services;

import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.server.containers.DefaultsQuery;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether too many of a group's nodes are off at once for lost replicas to be re-placed: more than
 * {@code share} of them. Then the likely cause is the network or the power, not the nodes, and moving
 * every replica onto the few nodes left would overload them; re-placement waits until nodes return. Pure.
 */
public final class StormGuard {
    private StormGuard() {
    }

    /**
     * Why re-placement in {@code group} is held, or empty when it may go on, counting the nodes of
     * {@code all} that are in the group and not decommissioned.
     */
    public static Optional<String> heldIn(String group, Collection<Node> all, double share) {
        return held(group, all.stream().filter(n -> n.state() != NodeState.DECOMMISSIONED
                && DefaultsQuery.inGroup(n, group)).toList(), share);
    }

    /** Why re-placement in {@code group} is held, or empty when it may go on. */
    static Optional<String> held(String group, Collection<Node> nodes, double share) {
        long off = nodes.stream().filter(n -> !n.on()).count();
        if (nodes.isEmpty() || off <= share * nodes.size()) {
            return Optional.empty();
        }
        return Optional.of(off + " of " + nodes.size() + " nodes of " + group + " are off (more than "
                + Math.round(share * 100) + " %): re-placement of lost replicas is held until nodes return");
    }
}
