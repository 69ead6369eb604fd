package io.cluman.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.store.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries: which tier answers, re-bucketing to the step, bad arguments, and history across a restart. */
class MetricQueryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NOW = T0.getEpochSecond() + 3 * 86_400;

    @TempDir
    Path data;

    @Test
    void picksTheCoarsestTierThatFitsTheStepAndReachesFrom() {
        record Case(long ago, long step, Tier tier) {
        }
        for (Case c : List.of(
                new Case(1_800, 5, Tier.RAW),
                new Case(1_800, 30, Tier.RAW),
                new Case(1_800, 60, Tier.MINUTE),
                new Case(1_800, 3_600, Tier.TEN_MINUTES),
                new Case(7_200, 5, Tier.MINUTE),
                new Case(7_200, 300, Tier.MINUTE),
                new Case(2 * 86_400, 60, Tier.TEN_MINUTES),
                new Case(40 * 86_400, 60, Tier.TEN_MINUTES))) {
            assertThat(MetricsStore.tierFor(NOW - c.ago(), c.step(), NOW)).as(c.toString()).isEqualTo(c.tier());
        }
    }

    @Test
    void answersFromRawForTheLastHourAndRebucketsToTheStep() {
        ManualClock clock = new ManualClock(T0);
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            fill(store, clock, 2 * 3_600);
            Instant now = clock.instant();
            List<MetricPoint> raw = store.query("node/n/cpu", now.minusSeconds(600), now, Duration.ofSeconds(5));
            assertThat(raw).hasSize(120).allSatisfy(p -> assertThat(p.count()).isEqualTo(1));
            List<MetricPoint> halfMinutes = store.query("node/n/cpu", now.minusSeconds(600), now,
                    Duration.ofSeconds(30));
            assertThat(halfMinutes).hasSize(20).allSatisfy(p -> assertThat(p.count()).isEqualTo(6));
            MetricPoint first = halfMinutes.getFirst();
            long s = first.time().getEpochSecond() - T0.getEpochSecond();
            assertThat(first.min()).isEqualTo(s);
            assertThat(first.max()).isEqualTo(s + 25);
            assertThat(first.avg()).isEqualTo(s + 12.5);
        }
    }

    @Test
    void answersFromRollupsBeyondTheHourAndRebucketsThemToTheStep() {
        ManualClock clock = new ManualClock(T0);
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            fill(store, clock, 2 * 3_600);
            List<MetricPoint> fiveMinutes = store.query("node/n/cpu", T0, T0.plusSeconds(3_600),
                    Duration.ofMinutes(5));
            assertThat(fiveMinutes).hasSize(12).allSatisfy(p -> assertThat(p.count()).isEqualTo(60));
            assertThat(fiveMinutes.get(1).time()).isEqualTo(T0.plusSeconds(300));
            assertThat(fiveMinutes.get(1).min()).isEqualTo(300);
            assertThat(fiveMinutes.get(1).max()).isEqualTo(595);
            List<MetricPoint> hours = store.query("node/n/cpu", T0, T0.plusSeconds(7_200), Duration.ofHours(1));
            assertThat(hours).hasSize(2);
            assertThat(hours.get(0).count()).isEqualTo(720);
            assertThat(hours.get(0).avg()).isEqualTo(1_797.5);
        }
    }

    @Test
    void restartKeepsHistoryAndTakesNewPoints() {
        ManualClock clock = new ManualClock(T0);
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            fill(store, clock, 1_800);
        }
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            assertThat(store.query("node/n/cpu", T0, clock.instant(), Duration.ofSeconds(5))).hasSize(360);
            assertThat(store.append("node/n/cpu", clock.instant().plusSeconds(5), 1)).isTrue();
            assertThat(store.append("node/other/cpu", clock.instant().plusSeconds(5), 1)).isTrue();
            assertThat(store.query("node/n/cpu", T0, T0.plusSeconds(1_800), Duration.ofMinutes(1))).hasSize(30)
                    .allSatisfy(p -> assertThat(p.count()).isEqualTo(12));
            assertThat(store.query("node/other/cpu", T0, clock.instant().plusSeconds(6), Duration.ofSeconds(5)))
                    .hasSize(1);
        }
    }

    @Test
    void refusesBadArgumentsAndAnswersEmptyForAnUnknownSeries() {
        ManualClock clock = new ManualClock(T0);
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            store.append("s", T0, 1);
            assertThatThrownBy(() -> store.query("s", T0.plusSeconds(1), T0, Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.query("s", T0, T0.plusSeconds(1), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.query("s", T0, T0.plusSeconds(1), Duration.ofSeconds(-5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.append(" ", T0, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.append("s", T0.plusSeconds(5), Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.query("unknown", T0, T0.plusSeconds(60), Duration.ofSeconds(5))).isEmpty();
            assertThat(store.query("s", T0, T0, Duration.ofSeconds(5))).isEmpty();
        }
    }

    /** One point every 5 s for {@code seconds}, the value being the seconds since {@link #T0}. */
    private static void fill(MetricsStore store, ManualClock clock, long seconds) {
        for (long s = 0; s < seconds; s += 5) {
            clock.advance(Duration.between(clock.instant(), T0.plusSeconds(s)));
            store.append("node/n/cpu", clock.instant(), s);
        }
        clock.advance(Duration.ofSeconds(5));
    }
}
