package io.cluman.model.agent;

/** The node id to keep, the node's name, and how often to heartbeat. */
public record JoinResponse(String nodeId, String name, long heartbeatIntervalMillis) {
}
