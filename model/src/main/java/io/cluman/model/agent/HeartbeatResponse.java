package io.cluman.model.agent;

import io.cluman.model.node.NodeState;

/**
 * The interval until the next heartbeat (the server stretches it as the fleet grows), and the node's state.
 *
 * @param checks a digest of the cluster checks dispatched to the node: when it changes, the agent fetches its
 *               checks again; null from a server that does not say
 */
public record HeartbeatResponse(long heartbeatIntervalMillis, NodeState state, Long checks) {
    /** An answer without a checks digest. */
    public HeartbeatResponse(long heartbeatIntervalMillis, NodeState state) {
        this(heartbeatIntervalMillis, state, null);
    }
}
