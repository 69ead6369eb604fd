package io.cluman.model.agent;

import io.cluman.model.node.NodeFacts;
import java.util.Map;

/**
 * An agent asks to join. {@code nodeId} is the id the agent kept from an earlier join (null the first
 * time): a restarted agent is the same node.
 */
public record JoinRequest(String nodeId, String name, Map<String, String> labels, NodeFacts facts) {
    public JoinRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
