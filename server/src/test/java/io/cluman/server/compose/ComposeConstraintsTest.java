package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.scheduler.NodeInfo;
import io.cluman.scheduler.constraint.Constraint;
import io.cluman.scheduler.constraint.ConstraintParser;
import io.cluman.server.FakeAgents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the compose mapping emits ({@code zone=a}, {@code zone!=a}, {@code node.name=x}, {@code node.id=y}) parses
 * in the scheduler and means there what the swarm constraint meant: checked on a node built as the server builds
 * its snapshot ({@link NodeInfo#from}).
 */
class ComposeConstraintsTest {
    private static final Node WEB1 = new Node("n-web1", "web-1", Map.of("zone", "a"), NodeState.ACTIVE, true, true,
            "", null, null, FakeAgents.facts("web-1"), Instant.EPOCH, Instant.EPOCH, 1);
    private static final NodeInfo NODE = NodeInfo.from(WEB1, List.of());

    private final ConstraintMapper mapper = new ConstraintMapper(new Findings());

    private static boolean holds(String cluman) {
        Constraint c = ConstraintParser.parse(cluman);
        return c.test(NODE.value(c.key()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "node.labels.zone==a|true",
            "node.labels.zone==b|false",
            "node.labels.zone!=b|true",
            "node.labels.zone!=a|false",
            "node.labels.rack!=r1|true",
            "node.labels.rack==r1|false",
            "node.hostname==web-1|true",
            "node.hostname!=web-1|false",
            "node.id==n-web1|true",
            "node.id==n-other|false"})
    void swarmConstraintsMeanTheSameInTheScheduler(String swarm, boolean onWeb1) {
        String cluman = mapper.map(swarm, "c");
        assertThat(holds(cluman)).as(swarm + " as " + cluman).isEqualTo(onWeb1);
    }

    @Test
    void theEmittedFormsAreTheSchedulersCanonicalText() {
        for (String swarm : List.of("node.labels.zone==a", "node.labels.zone != a", "node.hostname==web-1",
                "node.id==n-web1")) {
            String cluman = mapper.map(swarm, "c");
            assertThat(ConstraintParser.parse(cluman)).hasToString(cluman);
        }
    }
}
