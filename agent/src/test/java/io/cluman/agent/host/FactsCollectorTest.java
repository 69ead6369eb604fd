package io.cluman.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.NodeFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

class FactsCollectorTest {
    @Test
    void factsOfThisMachineAreSane() {
        NodeFacts facts = new FactsCollector(new SystemInfo()).collect(List.of("process"));

        assertThat(facts.hostname()).isNotBlank();
        assertThat(facts.cpus()).isPositive();
        assertThat(facts.memoryBytes()).isPositive();
        assertThat(facts.addresses()).isNotEmpty();
        assertThat(facts.os()).isNotBlank();
        assertThat(facts.agentVersion()).isNotBlank();
        assertThat(facts.drivers()).containsExactly("process");
        assertThat(facts.disks()).isNotEmpty().allSatisfy(disk -> {
            assertThat(disk.totalBytes()).isPositive();
            assertThat(disk.totalBytes()).isPositive();
        });
        assertThat(facts.disks()).noneMatch(d -> d.mount().startsWith("/proc") || d.mount().startsWith("/sys"));
    }

    @Test
    void agentVersionIsDevOutsideAJar() {
        assertThat(AgentVersion.current()).isEqualTo("dev");
    }
}
