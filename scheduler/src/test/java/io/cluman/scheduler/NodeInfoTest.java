package io.cluman.scheduler;

import static io.cluman.scheduler.TestNodes.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.Membership;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeState;
import io.cluman.scheduler.constraint.ConstraintParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeInfoTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Node node(NodeState state, String cluster) {
        NodeFacts facts = new NodeFacts("web-12", List.of("10.0.0.12"), 8, 16 * GIB, List.of(), "linux", "0.1",
                List.of("docker", "process"));
        return new Node("n-12", "web-12", Map.of("zone", "a"), state, true, true, "", cluster,
                cluster == null ? null : Membership.EXPLICIT, facts, T, T, 3);
    }

    private static Container container(String node, List<String> ports, long memory, double cpus,
                                       DesiredState desired) {
        ContainerSpec spec = new ContainerSpec("c", DriverName.DOCKER, "busybox", List.of(), List.of(), Map.of(),
                ports, Map.of(), memory, cpus, "no", "");
        return new Container("c", spec, node, null, null, "alloc", 1, desired, T, 1, false, null);
    }

    @Test
    void fromModelSumsTheNodesContainersAndTheirHostPorts() {
        NodeInfo info = NodeInfo.from(node(NodeState.ACTIVE, "prod"), List.of(
                container("n-12", List.of("8080:80", "9000/udp"), GIB, 1.5, DesiredState.RUNNING),
                container("n-12", List.of("53:53/udp"), GIB / 2, 0, DesiredState.STOPPED),
                container("n-7", List.of("7000:70"), 4 * GIB, 4, DesiredState.RUNNING)));
        assertThat(info.id()).isEqualTo("n-12");
        assertThat(info.takesPlacements()).isTrue();
        assertThat(info.cluster()).isEqualTo("prod");
        assertThat(info.milliCpus()).isEqualTo(8000);
        assertThat(info.memory()).isEqualTo(16 * GIB);
        assertThat(info.usedMilliCpus()).isEqualTo(1500);
        assertThat(info.usedMemory()).isEqualTo(GIB + GIB / 2);
        assertThat(info.usedPorts()).containsExactlyInAnyOrder(8080, 9000, 53);
        assertThat(info.drivers()).containsExactlyInAnyOrder("docker", "process");
    }

    @Test
    void constraintsReadAttributesBeforeLabels() {
        NodeInfo info = NodeInfo.from(node(NodeState.DRAINING, null).withLabels(Map.of("zone", "a",
                "hostname", "spoofed")), List.of());
        assertThat(info.takesPlacements()).isFalse();
        assertThat(info.cluster()).isEmpty();
        assertThat(info.attributes()).containsEntry("node.id", "n-12").containsEntry("os", "linux")
                .containsEntry("driver.docker", "true").containsEntry("cpus", "8").doesNotContainKey("cluster");
        assertThat(ConstraintParser.parse("hostname regexp ^web-\\d+$").test(info.value("hostname"))).isTrue();
        assertThat(info.value("zone")).isEqualTo("a");
        assertThat(info.value("gpu")).isNull();
        assertThat(info.withAllocation(500, GIB, List.of(80)).usedPorts()).isEqualTo(Set.of(80));
    }
}
