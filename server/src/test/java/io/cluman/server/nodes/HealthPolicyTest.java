package io.cluman.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeMetrics;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {
    private final HealthPolicy policy = new HealthPolicy(0.05);

    private static NodeMetrics disk(long free, long total) {
        return new NodeMetrics(Instant.EPOCH, 1, 1, 2, free, total, 0, 0, 0, 0, 0);
    }

    @Test
    void healthyWhenDriversAnswerAndDiskIsFree() {
        var verdict = policy.judge(disk(50, 100), Map.of("process", new DriverHealth(true, "")));
        assertThat(verdict.healthy()).isTrue();
        assertThat(verdict.reason()).isEmpty();
    }

    @Test
    void unhealthyWithEveryReasonWhenADriverIsDownAndTheDiskFull() {
        var verdict = policy.judge(disk(1, 100), Map.of("docker", new DriverHealth(false, "connection refused"),
                "process", new DriverHealth(true, "")));
        assertThat(verdict.healthy()).isFalse();
        assertThat(verdict.reason()).contains("driver docker does not answer: connection refused")
                .contains("disk 1.0% free, below 5.0%");
    }

    @Test
    void unknownDiskSizeIsNotCountedAgainstTheNode() {
        assertThat(policy.judge(disk(0, 0), Map.of()).healthy()).isTrue();
    }
}
