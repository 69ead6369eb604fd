package io.cluman.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.node.NodeMetrics;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

class MetricsSamplerTest {
    @TempDir
    Path dir;

    @Test
    void metricsOfThisMachineAreSane() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        MetricsSampler sampler = new MetricsSampler(new SystemInfo(), dir, InstantSource.fixed(now));
        burnSomeCpu();

        for (int i = 0; i < 3; i++) {
            NodeMetrics metrics = sampler.sample();
            assertThat(metrics.at()).isEqualTo(now);
            assertThat(metrics.cpuPercent()).isBetween(0.0, 100.0);
            assertThat(metrics.memoryTotalBytes()).isPositive();
            assertThat(metrics.memoryUsedBytes()).isBetween(0L, metrics.memoryTotalBytes());
            assertThat(metrics.diskTotalBytes()).isPositive();
            assertThat(metrics.diskFreeBytes()).isBetween(0L, metrics.diskTotalBytes());
            assertThat(metrics.load1()).isNotNegative();
            assertThat(metrics.load5()).isNotNegative();
            assertThat(metrics.load15()).isNotNegative();
            assertThat(metrics.netRxBytes()).isNotNegative();
            assertThat(metrics.netTxBytes()).isNotNegative();
        }
    }

    @Test
    void measuresTheDiskOfAParentWhenTheDataDirDoesNotExistYet() {
        NodeMetrics metrics = new MetricsSampler(new SystemInfo(), dir.resolve("a/b/c"), InstantSource.system()).sample();

        assertThat(metrics.diskTotalBytes()).isPositive();
    }

    private static void burnSomeCpu() {
        long x = 0;
        for (int i = 0; i < 20_000_000; i++) {
            x += i % 7;
        }
        assertThat(x).isPositive();
    }
}
