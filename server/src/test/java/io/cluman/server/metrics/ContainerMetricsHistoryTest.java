package io.cluman.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.TaskSample;
import io.cluman.model.validation.ValidationException;
import io.cluman.store.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples become per-container series; rates need two samples of the same allocation and known counters. */
class ContainerMetricsHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");
    /** a-1 runs web and a-2 runs db on n-1; a-3 is db's old allocation. */
    private static final Map<String, String> ALLOCATIONS = Map.of("a-1", "web", "a-2", "db");

    @TempDir
    Path data;
    private final ManualClock clock = new ManualClock(T0);
    private MetricsStore store;
    private ContainerMetricsHistory history;

    @BeforeEach
    void open() {
        store = MetricsStore.open(data, clock);
        history = new ContainerMetricsHistory(store, (node, alloc) -> node.equals("n-1")
                ? Optional.ofNullable(ALLOCATIONS.get(alloc)) : Optional.empty(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void report(TaskSample... samples) {
        history.record(new StatsReport("n-1", List.of(samples)));
        clock.advance(Duration.ofSeconds(10));
    }

    private Map<String, List<MetricPoint>> of(String container) {
        return history.query(container, T0, T0.plus(Duration.ofHours(1)), Duration.ofHours(1));
    }

    @Test
    void ratesComeFromTwoSamplesOfOneAllocationAndUnknownCountersGiveNone() {
        report(new TaskSample("a-1", T0, 10, 100, 0, 0, 0), new TaskSample("a-2", T0, 1, 5, 50, -1, -1));
        report(new TaskSample("a-1", T0.plusSeconds(10), 30, 300, 0, 5_000, 10_000),
                new TaskSample("a-2", T0.plusSeconds(10), 1, 5, 50, -1, -1));

        assertThat(of("web")).containsOnlyKeys("cpu", "memory", "net-rx", "net-tx");
        assertThat(of("web").get("net-rx")).singleElement().satisfies(p -> assertThat(p.avg()).isEqualTo(500));
        assertThat(of("web").get("net-tx")).singleElement().satisfies(p -> assertThat(p.avg()).isEqualTo(1000));
        assertThat(of("db")).containsOnlyKeys("cpu", "memory", "memory-limit");
    }

    @Test
    void connectionsAreKeptWhereTheAgentCountsThemAndTheMeanWeighsEverySample() {
        report(new TaskSample("a-1", T0, 10, 100, 0, -1, -1, 4L), new TaskSample("a-2", T0, 1, 5, 0, -1, -1, null));
        report(new TaskSample("a-1", T0.plusSeconds(10), 30, 100, 0, -1, -1, 8L));
        report(new TaskSample("a-1", T0.plusSeconds(20), 50, 100, 0, -1, -1, 0L));

        assertThat(of("web")).containsOnlyKeys("cpu", "memory", "connections");
        assertThat(of("db")).doesNotContainKey("connections");
        Instant end = T0.plusSeconds(30);
        assertThat(history.mean("web", "connections", T0, end)).hasValue(4.0);
        assertThat(history.mean("web", "cpu", T0.plusSeconds(10), end)).hasValue(40.0);
        assertThat(history.mean("web", "cpu", end, end.plusSeconds(60))).isEmpty();
        assertThat(history.mean("nope", "cpu", T0, end)).isEmpty();
    }

    @Test
    void anAllocationMissingFromAReportStartsItsRatesAfresh() {
        report(new TaskSample("a-1", T0, 10, 100, 0, 0, 0));
        report(new TaskSample("a-2", T0.plusSeconds(10), 1, 5, 0, 0, 0));
        report(new TaskSample("a-1", T0.plusSeconds(20), 10, 100, 0, 9_000, 0));

        assertThat(of("web")).doesNotContainKey("net-rx");
    }

    @Test
    void samplesOfAllocationsNotOnTheNodeAreIgnored() {
        report(new TaskSample("a-3", T0, 10, 100, 0, 0, 0));
        history.record(new StatsReport("n-2", List.of(new TaskSample("a-1", T0, 10, 100, 0, 0, 0))));

        assertThat(of("web")).isEmpty();
        assertThat(of("db")).isEmpty();
    }

    @Test
    void aSampleWithoutAllocationOrTimeNamesTheField() {
        assertThatThrownBy(() -> history.record(new StatsReport("n-1", List.of(
                new TaskSample("a-1", T0, 1, 1, 0, 0, 0), new TaskSample(null, null, 1, 1, 0, 0, 0)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("samples[1].allocId", "samples[1].time"));
        assertThat(of("web")).as("nothing of a refused report is kept").isEmpty();
    }
}
