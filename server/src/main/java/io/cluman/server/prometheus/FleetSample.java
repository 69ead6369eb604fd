package io.cluman.server.prometheus;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeState;
import io.cluman.model.service.Service;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's figures at one moment, counted in one pass over nodes, containers and services. Pure: the
 * caller feeds it what the in-memory views hold, then reads it. Not thread-safe while being fed.
 */
public final class FleetSample {
    private final int[] nodesByState = new int[NodeState.values().length];
    private final int[] containersByStatus = new int[TaskState.values().length];
    private final Map<String, NodeUse> nodeUse = new HashMap<>();
    private final Map<String, Integer> runningByService = new HashMap<>();
    private final Map<String, Integer> desiredByService = new HashMap<>();
    /** {@link #replicas()}, built at its first call after the last feed. */
    private Map<String, Replicas> replicas;
    private int nodesOn;
    private int nodesHealthy;

    /** A node's resource use from its latest heartbeat. */
    public record NodeUse(String name, double cpuPercent, long memoryUsedBytes) {
    }

    /** A service's replicas: how many it asks for, how many run. */
    public record Replicas(int desired, int running) {
    }

    /** Counts a node; {@code latest} is the metrics of its last heartbeat, null when none arrived. */
    public void node(Node node, NodeMetrics latest) {
        nodesByState[node.state().ordinal()]++;
        nodesOn += node.on() ? 1 : 0;
        nodesHealthy += node.on() && node.healthy() ? 1 : 0;
        if (latest != null) {
            nodeUse.put(node.id(), new NodeUse(node.name(), latest.cpuPercent(), latest.memoryUsedBytes()));
        }
    }

    /**
     * Counts a container by its reported status ({@code PENDING} while none was reported for its current
     * allocation), and a running replica for its service.
     */
    public void container(Container container, ContainerStatus status) {
        TaskState state = status == null || !status.allocId().equals(container.allocId()) ? TaskState.PENDING
                : status.state();
        containersByStatus[state.ordinal()]++;
        if (container.service() != null && state == TaskState.RUNNING) {
            runningByService.merge(container.service(), 1, Integer::sum);
            replicas = null;
        }
    }

    /** Counts a service's desired replicas. */
    public void service(Service service) {
        desiredByService.put(service.name(), service.replicas());
        replicas = null;
    }

    public int nodes(NodeState state) {
        return nodesByState[state.ordinal()];
    }

    public int nodesOn() {
        return nodesOn;
    }

    public int nodesHealthy() {
        return nodesHealthy;
    }

    public int containers(TaskState status) {
        return containersByStatus[status.ordinal()];
    }

    /** Each node with a heartbeat, by id. */
    public Map<String, NodeUse> nodeUse() {
        return Collections.unmodifiableMap(nodeUse);
    }

    /** Each service fed to {@link #service}, by name (running replicas of other services are left out). */
    public Map<String, Replicas> replicas() {
        if (replicas == null) {
            Map<String, Replicas> each = new HashMap<>();
            desiredByService.forEach((name, desired) -> each.put(name,
                    new Replicas(desired, runningByService.getOrDefault(name, 0))));
            replicas = Collections.unmodifiableMap(each);
        }
        return replicas;
    }
}
