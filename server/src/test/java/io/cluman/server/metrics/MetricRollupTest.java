package io.cluman.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.store.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollups as a table: points in, min/avg/max per 1-minute and 10-minute bucket out, before and after restart. */
class MetricRollupTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Seconds after {@link #T0} and the value. */
    private record In(long second, double value) {
    }

    /** Bucket start in seconds after {@link #T0}, min, avg, max, count. */
    private record Out(long second, double min, double avg, double max, long count) {
        static Out of(MetricPoint p) {
            return new Out(p.time().getEpochSecond() - T0.getEpochSecond(), p.min(), p.avg(), p.max(), p.count());
        }
    }

    private static final List<In> POINTS = List.of(
            new In(0, 1), new In(30, 3), new In(59, 2),
            new In(60, 10), new In(119, 20),
            new In(300, 5),
            new In(610, 7), new In(650, 9));

    private static final List<Out> MINUTES = List.of(
            new Out(0, 1, 2, 3, 3),
            new Out(60, 10, 15, 20, 2),
            new Out(300, 5, 5, 5, 1),
            new Out(600, 7, 8, 9, 2));

    private static final List<Out> TEN_MINUTES = List.of(
            new Out(0, 1, 41.0 / 6, 20, 6),
            new Out(600, 7, 8, 9, 2));

    @TempDir
    Path data;

    @Test
    void rollsUpPerMinuteAndPerTenMinutesBeforeFlushAfterFlushAndAfterRestart() {
        ManualClock clock = new ManualClock(T0);
        MetricsStore store = MetricsStore.open(data, clock);
        for (In in : POINTS) {
            clock.advance(Duration.between(clock.instant(), T0.plusSeconds(in.second())));
            assertThat(store.append("node/n1/cpu", clock.instant(), in.value())).isTrue();
        }
        clock.advance(Duration.ofSeconds(10));
        assertRollups(store);
        store.flush();
        assertRollups(store);
        store.close();
        try (MetricsStore reopened = MetricsStore.open(data, clock)) {
            assertRollups(reopened);
        }
    }

    @Test
    void aBucketWrittenInPartsAcrossAFlushMergesIntoOne() {
        ManualClock clock = new ManualClock(T0);
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            store.append("s", T0, 4);
            store.flush();
            store.append("s", T0.plusSeconds(20), 8);
            store.flush();
            assertThat(store.query("s", T0, T0.plusSeconds(60), Duration.ofMinutes(1))).map(Out::of)
                    .containsExactly(new Out(0, 4, 6, 8, 2));
        }
    }

    private static void assertRollups(MetricsStore store) {
        Instant to = T0.plus(Duration.ofMinutes(20));
        assertThat(store.query("node/n1/cpu", T0, to, Duration.ofMinutes(1))).map(Out::of)
                .containsExactlyElementsOf(MINUTES);
        assertThat(store.query("node/n1/cpu", T0, to, Duration.ofMinutes(10))).map(Out::of)
                .containsExactlyElementsOf(TEN_MINUTES);
    }
}
