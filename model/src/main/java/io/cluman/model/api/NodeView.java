package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.Membership;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A node as the API shows it: the stored record joined with what the leader holds in memory (last
 * heartbeat, metrics, driver health).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeView(String id, String name, String address, Map<String, String> labels, NodeState state,
                       boolean on, boolean healthy, String healthReason, String cluster, Membership membership,
                       Resources resources, Resources allocated, List<String> drivers,
                       Map<String, DriverHealth> driverHealth, Instant lastHeartbeat, String agentVersion,
                       NodeFacts facts, NodeMetrics metrics, long revision) {
}
