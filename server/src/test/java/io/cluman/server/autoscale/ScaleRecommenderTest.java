package io.cluman.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.service.AutoscalePolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleRecommenderTest {
    private static AutoscalePolicy cpu(int min, int max, double target) {
        return new AutoscalePolicy("web", min, max, AutoscalePolicy.CPU, target, Duration.ofMinutes(1),
                Duration.ofMinutes(5), Instant.EPOCH, 1);
    }

    @Test
    void theCountGrowsAndShrinksInProportionToTheLoad() {
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 2, 100).replicas()).isEqualTo(4);
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 3, 70).replicas()).isEqualTo(5); // 4.2 → 5
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 4, 20).replicas()).isEqualTo(2); // 1.6 → 2
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 4, 25).replicas()).isEqualTo(2); // exactly 2
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 4, 25).reason())
                .isEqualTo("cpu 25% of target 50%: 2 replica(s) would carry it");
    }

    @Test
    void aLoadWithinTenPercentOfTheTargetKeepsTheCount() {
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 3, 54.9).replicas()).isEqualTo(3);
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 3, 45.1).replicas()).isEqualTo(3);
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 3, 45.1).reason())
                .isEqualTo("cpu 45% of target 50%: within 10%");
        assertThat(ScaleRecommender.recommend(cpu(1, 10, 50), 3, 56).replicas()).isEqualTo(4);
    }

    @Test
    void theBoundsHoldAndTheReasonSaysSo() {
        ScaleRecommender.Recommendation high = ScaleRecommender.recommend(cpu(2, 6, 50), 5, 400);
        assertThat(high.replicas()).isEqualTo(6);
        assertThat(high.reason()).endsWith("40 replica(s) would carry it, held at max 6");
        ScaleRecommender.Recommendation idle = ScaleRecommender.recommend(cpu(2, 6, 50), 5, 0);
        assertThat(idle.replicas()).isEqualTo(2);
        assertThat(idle.reason()).isEqualTo("cpu 0.0% of target 50%: 0 replica(s) would carry it, held at min 2");
    }
}
