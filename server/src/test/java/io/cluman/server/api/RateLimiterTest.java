package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.store.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Token buckets per key on a manual clock: burst, refill, Retry-After, the memory bound. */
class RateLimiterTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void allowsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(new RateLimit(2, 3), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.isExhausted("a")).isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1), clock);
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
        assertThat(limiter.isExhausted("c")).isFalse();
    }

    @Test
    void refillNeverExceedsTheBurst() {
        RateLimiter limiter = new RateLimiter(new RateLimit(10, 2), clock);
        limiter.acquire("a");
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void offAllowsEverything() {
        RateLimiter limiter = new RateLimiter(RateLimit.OFF, clock);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }
        assertThat(limiter.size()).isZero();
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeysPastTheCap() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1), clock, 100);
        limiter.acquire("first");
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("k" + i);
        }
        assertThat(limiter.size()).isEqualTo(100);
        assertThat(limiter.acquire("first").allowed()).as("forgotten: a full bucket again").isTrue();
    }

    @Test
    void sweepsBucketsThatRefilledWhileIdle() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 5), clock);
        for (int i = 0; i < 50; i++) {
            limiter.acquire("idle" + i);
        }
        clock.advance(Duration.ofSeconds(30));
        limiter.acquire("busy");
        limiter.acquire("busy");
        assertThat(limiter.size()).isEqualTo(51);
        clock.advance(Duration.ofSeconds(31));
        limiter.acquire("busy");
        assertThat(limiter.size()).as("only the key that just spent a token").isEqualTo(1);
    }

    @Test
    void parsesRatesAndRefusesNonsense() {
        assertThat(RateLimit.parse("50/s,200")).isEqualTo(new RateLimit(50, 200));
        assertThat(RateLimit.parse("0.5/s")).isEqualTo(new RateLimit(0.5, 2));
        assertThat(RateLimit.parse("off")).isEqualTo(RateLimit.OFF);
        assertThatThrownBy(() -> RateLimit.parse("fast")).hasMessageContaining("RATE/s,BURST");
        assertThatThrownBy(() -> RateLimit.parse("0/s,3")).hasMessageContaining("rate above 0");
    }
}
