package io.cluman.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleDownWindowTest {
    private static final Duration DELAY = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void growingIsAtOnce() {
        ScaleDownWindow w = new ScaleDownWindow();
        assertThat(w.settle(2, 5, at(0), DELAY)).isEqualTo(5);
        assertThat(w.settle(5, 8, at(15), DELAY)).isEqualTo(8);
    }

    @Test
    void shrinkingWaitsUntilTheLoadStayedLowForTheWholeDelay() {
        ScaleDownWindow w = new ScaleDownWindow();
        // the count found when evaluation starts counts as a recommendation
        assertThat(w.settle(6, 2, at(0), DELAY)).isEqualTo(6);
        assertThat(w.settle(6, 2, at(299), DELAY)).isEqualTo(6);
        assertThat(w.settle(6, 2, at(301), DELAY)).isEqualTo(2);
    }

    @Test
    void aBriefPeakWithinTheDelayHoldsTheCountAtThePeak() {
        ScaleDownWindow w = new ScaleDownWindow();
        w.settle(6, 6, at(0), DELAY);
        w.settle(6, 4, at(100), DELAY);
        assertThat(w.settle(6, 2, at(200), DELAY)).isEqualTo(6);
        assertThat(w.settle(6, 2, at(350), DELAY)).isEqualTo(4); // the 6 of second 0 is past the delay
        assertThat(w.settle(4, 2, at(401), DELAY)).isEqualTo(2);
    }

    @Test
    void aZeroDelayFollowsTheRecommendationAndClearStartsAgain() {
        ScaleDownWindow w = new ScaleDownWindow();
        assertThat(w.settle(6, 2, at(0), Duration.ZERO)).isEqualTo(2);
        w.clear();
        assertThat(w.settle(6, 2, at(10), DELAY)).isEqualTo(6);
    }

    @Test
    void neverAboveTheCountWhenShrinking() {
        ScaleDownWindow w = new ScaleDownWindow();
        w.settle(8, 8, at(0), DELAY);
        assertThat(w.settle(5, 3, at(10), DELAY)).isEqualTo(5);
    }
}
