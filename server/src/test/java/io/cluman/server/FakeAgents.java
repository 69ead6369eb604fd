package io.cluman.server;

import io.cluman.client.ClumanClient;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.StatusReport;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.Disk;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Speaks the agent protocol by hand, for API tests that need nodes without running agents. */
public final class FakeAgents {
    private FakeAgents() {
    }

    public static NodeFacts facts(String host) {
        return facts(host, List.of("process"));
    }

    /** The facts of a node with {@code drivers}. */
    public static NodeFacts facts(String host, List<String> drivers) {
        return new NodeFacts(host, List.of("127.0.0.1"), 4, 8L << 30, List.of(new Disk("/", 100L << 30)),
                "Linux test", "test", drivers);
    }

    /** Joins a new node and returns its id. */
    public static String join(ClumanClient agentClient, String name, Map<String, String> labels) {
        return agentClient.join(new JoinRequest(null, name, labels, facts(name))).nodeId();
    }

    public static void report(ClumanClient agentClient, String nodeId, String allocId, TaskState state, Integer exit) {
        agentClient.reportStatus(new StatusReport(nodeId, List.of(new TaskReport(allocId, 1, state, exit, 0, null,
                "pid:1", Instant.now(), state == TaskState.RUNNING ? null : Instant.now(), null, null))));
    }

    /** Reports a RUNNING task whose health check says {@code health} (null: no check). */
    public static void reportHealth(ClumanClient agentClient, String nodeId, String allocId, Health health,
                                    String reason) {
        agentClient.reportStatus(new StatusReport(nodeId, List.of(new TaskReport(allocId, 1, TaskState.RUNNING, null,
                0, null, "pid:1", Instant.now(), null, health, reason))));
    }

    public static HeartbeatResponse beat(ClumanClient agentClient, String nodeId, long diskFree) {
        return beat(agentClient, nodeId, diskFree, Map.of("process", new DriverHealth(true, "")));
    }

    public static HeartbeatResponse beat(ClumanClient agentClient, String nodeId, long diskFree,
                                         Map<String, DriverHealth> drivers) {
        return beat(agentClient, nodeId, facts("host"), diskFree, drivers);
    }

    /** A heartbeat that reports {@code facts} (a node with the docker driver keeps it). */
    public static HeartbeatResponse beat(ClumanClient agentClient, String nodeId, NodeFacts facts, long diskFree,
                                         Map<String, DriverHealth> drivers) {
        NodeMetrics metrics = new NodeMetrics(Instant.now(), 12.5, 1L << 30, 8L << 30, diskFree, 100L << 30, 0.5, 0.4,
                0.3, 1000, 2000);
        return agentClient.heartbeat(new HeartbeatRequest(nodeId, facts, metrics, drivers));
    }
}
