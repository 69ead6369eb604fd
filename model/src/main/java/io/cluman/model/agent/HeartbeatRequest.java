package io.cluman.model.agent;

import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.util.Map;

/** An agent says it is alive, with its facts, its metrics and its drivers' health. */
public record HeartbeatRequest(String nodeId, NodeFacts facts, NodeMetrics metrics, Map<String, DriverHealth> drivers) {
    public HeartbeatRequest {
        drivers = drivers == null ? Map.of() : Map.copyOf(drivers);
    }
}
