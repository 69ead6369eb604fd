package io.cluman.server.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeState;
import io.cluman.model.service.Service;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one pass behind the fleet gauges: what is counted where. */
class FleetSampleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Node node(String id, NodeState state, boolean on, boolean healthy) {
        return new Node(id, "name-" + id, Map.of(), state, on, healthy, "", null, null, null, T0, T0, 1);
    }

    private static Container container(String name, String service) {
        return new Container(name, null, "n1", null, service, "a-" + name, 1, DesiredState.RUNNING, T0, 1, true, null);
    }

    private static ContainerStatus status(String allocId, TaskState state) {
        return new ContainerStatus(allocId, "n1", 1, state, null, 0, null, null, null, null, T0, null, null, 1);
    }

    private static Service service(String name, int replicas) {
        return new Service(name, null, replicas, null, null, null, 0, 1, null, null, T0, 1, null, null, null, 0, null);
    }

    @Test
    void nodesAreCountedByStateAndHealthyOnlyWhenOn() {
        FleetSample sample = new FleetSample();
        sample.node(node("n1", NodeState.ACTIVE, true, true), null);
        sample.node(node("n2", NodeState.ACTIVE, false, true), null);
        sample.node(node("n3", NodeState.DRAINING, true, false), null);

        assertThat(sample.nodes(NodeState.ACTIVE)).isEqualTo(2);
        assertThat(sample.nodes(NodeState.DRAINING)).isEqualTo(1);
        assertThat(sample.nodes(NodeState.DISCOVERED)).isZero();
        assertThat(sample.nodesOn()).isEqualTo(2);
        assertThat(sample.nodesHealthy()).isEqualTo(1);
    }

    @Test
    void onlyNodesWithAHeartbeatHaveUse() {
        FleetSample sample = new FleetSample();
        sample.node(node("n1", NodeState.ACTIVE, true, true),
                new NodeMetrics(T0, 42.5, 3L << 30, 8L << 30, 0, 0, 0, 0, 0, 0, 0));
        sample.node(node("n2", NodeState.ACTIVE, true, true), null);

        assertThat(sample.nodeUse()).containsOnlyKeys("n1")
                .containsEntry("n1", new FleetSample.NodeUse("name-n1", 42.5, 3L << 30));
    }

    @Test
    void aContainerIsPendingUntilItsCurrentAllocationReports() {
        FleetSample sample = new FleetSample();
        sample.container(container("web-1", "web"), null);
        sample.container(container("web-2", "web"), status("a-older", TaskState.RUNNING));
        sample.container(container("web-3", "web"), status("a-web-3", TaskState.RUNNING));
        sample.container(container("solo", null), status("a-solo", TaskState.FAILED));

        assertThat(sample.containers(TaskState.PENDING)).isEqualTo(2);
        assertThat(sample.containers(TaskState.RUNNING)).isEqualTo(1);
        assertThat(sample.containers(TaskState.FAILED)).isEqualTo(1);
    }

    @Test
    void servicesShowDesiredAndRunningAndOnlyServicesThatExist() {
        FleetSample sample = new FleetSample();
        sample.container(container("web-1", "web"), status("a-web-1", TaskState.RUNNING));
        sample.container(container("web-2", "web"), status("a-web-2", TaskState.STARTING));
        sample.container(container("gone-1", "gone"), status("a-gone-1", TaskState.RUNNING));
        sample.service(service("web", 3));
        sample.service(service("idle", 2));

        assertThat(sample.replicas()).containsOnly(
                Map.entry("web", new FleetSample.Replicas(3, 1)),
                Map.entry("idle", new FleetSample.Replicas(2, 0)));
    }
}
