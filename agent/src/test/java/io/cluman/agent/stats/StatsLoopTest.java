package io.cluman.agent.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskStats;
import io.cluman.model.agent.StatsReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop sends a round's samples in one report, sends nothing for an idle node, and drops failed sends. */
class StatsLoopTest {
    private static final StatsSource SOURCE = handle -> new TaskStats(Instant.now(), 12.5, 1 << 20, 0, 10, 20);
    private final List<TaskHandle> running = new CopyOnWriteArrayList<>();
    private final StatsSampler sampler = new StatsSampler(Map.of("process", SOURCE), 2, Duration.ofSeconds(1));

    @Test
    void aRoundSendsOneReportWithASamplePerRunningTask() {
        running.addAll(List.of(new TaskHandle("process", "a-1", "1:1", "x"),
                new TaskHandle("process", "a-2", "2:2", "y")));
        List<StatsReport> sent = new CopyOnWriteArrayList<>();
        StatsLoop loop = new StatsLoop("n-1", () -> running, sampler, sent::add, Duration.ofSeconds(10));

        loop.round();

        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.nodeId()).isEqualTo("n-1");
            assertThat(r.samples()).extracting(s -> s.allocId()).containsExactlyInAnyOrder("a-1", "a-2");
            assertThat(r.samples()).allSatisfy(s -> assertThat(s.cpuPercent()).isEqualTo(12.5));
        });
    }

    @Test
    void nothingRunsNothingIsSent() {
        List<StatsReport> sent = new CopyOnWriteArrayList<>();
        new StatsLoop("n-1", () -> running, sampler, sent::add, Duration.ofSeconds(10)).round();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedSendIsDroppedAndTheLoopGoesOn() {
        running.add(new TaskHandle("process", "a-1", "1:1", "x"));
        AtomicInteger attempts = new AtomicInteger();
        try (StatsLoop loop = new StatsLoop("n-1", () -> running, sampler, r -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("server away");
        }, Duration.ofMillis(50)).start()) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(attempts).hasValueGreaterThan(2));
        }
    }
}
