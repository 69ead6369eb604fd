package io.cluman.model.agent;

import io.cluman.model.node.NodeState;

/** The interval until the next heartbeat (the server stretches it as the fleet grows), and the node's state. */
public record HeartbeatResponse(long heartbeatIntervalMillis, NodeState state) {
}
