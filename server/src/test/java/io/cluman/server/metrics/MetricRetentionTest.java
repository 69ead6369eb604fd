package io.cluman.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.store.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: whole segment files go by age as the clock moves, and oldest first past a tier's size cap. */
class MetricRetentionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path data;

    @Test
    void deletesEachTiersFilesOnceTheyArePastItsRetention() throws IOException {
        ManualClock clock = new ManualClock(T0);
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            for (int s = 0; s < 120; s += 5) {
                store.append("node/a/load", T0.plusSeconds(s), s);
            }
            store.flush();
            assertThat(files(Tier.RAW)).contains("1767225600.seg");
            assertThat(files(Tier.MINUTE)).contains("1767225600.seg");

            clock.advance(Duration.ofMinutes(75));
            store.maintain();
            assertThat(files(Tier.RAW)).isEmpty();
            assertThat(files(Tier.MINUTE)).containsExactlyInAnyOrder("1767225600.seg", "1767225600.idx");

            clock.advance(Duration.ofHours(24));
            store.maintain();
            assertThat(files(Tier.MINUTE)).isEmpty();
            assertThat(files(Tier.TEN_MINUTES)).containsExactlyInAnyOrder("1767225600.seg", "1767225600.idx");
            assertThat(store.query("node/a/load", T0, T0.plusSeconds(600), Duration.ofMinutes(10))).hasSize(1);

            clock.advance(Duration.ofDays(30));
            store.maintain();
            assertThat(files(Tier.TEN_MINUTES)).isEmpty();
            assertThat(store.query("node/a/load", T0, T0.plusSeconds(600), Duration.ofMinutes(10))).isEmpty();
        }
    }

    @Test
    void refusesPointsOlderThanTheRawTierKeeps() {
        ManualClock clock = new ManualClock(T0.plus(Duration.ofHours(3)));
        try (MetricsStore store = MetricsStore.open(data, clock)) {
            assertThat(store.append("s", T0, 1)).isFalse();
            assertThat(store.append("s", clock.instant(), 1)).isTrue();
            assertThat(store.append("s", clock.instant(), 2)).as("same second").isFalse();
        }
    }

    @Test
    void deletesTheOldestFilesFirstPastTheSizeCap() throws IOException {
        ManualClock clock = new ManualClock(T0);
        MetricsLimits limits = new MetricsLimits(3_000, 1L << 30, 1L << 30);
        try (MetricsStore store = MetricsStore.open(data, clock, limits)) {
            for (int s = 0; s < 1_800; s += 5) {
                clock.advance(Duration.between(clock.instant(), T0.plusSeconds(s)));
                store.append("node/a/mem", clock.instant(), s);
                store.append("node/b/mem", clock.instant(), s);
            }
            store.maintain();
            // 240 records of 16 bytes per 10-minute segment: 3,840 bytes, so only the newest is kept
            assertThat(store.segmentStarts(Tier.RAW)).containsExactly(T0.getEpochSecond() + 1_200);
            assertThat(store.bytes(Tier.RAW)).isEqualTo(240 * 16);
            assertThat(files(Tier.RAW)).containsExactly(String.valueOf(T0.getEpochSecond() + 1_200) + ".seg");
            assertThat(store.segmentStarts(Tier.MINUTE)).hasSize(1);
        }
    }

    private List<String> files(Tier tier) throws IOException {
        try (Stream<Path> list = Files.list(data.resolve(MetricsStore.DIRECTORY).resolve(tier.directory()))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
