package io.cluman.agent.heartbeat;

import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.util.Map;

/**
 * What the agent tells the server about its node. Called by the loop's thread only, once per join or
 * heartbeat; implementations may block briefly (driver pings) and may throw, which counts as a failed
 * attempt.
 */
public interface NodeReport {
    NodeFacts facts();

    /** Metrics since the previous call. */
    NodeMetrics metrics();

    /** Health of each available driver, by name. */
    Map<String, DriverHealth> drivers();
}
