package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JoinGateTest {
    @Test
    void aJoinWaitsForAPlaceAndIsToldToComeBackWhenNoneComesFree() throws Exception {
        JoinGate gate = new JoinGate(1, Duration.ofMillis(200));
        try (JoinGate.Permit first = gate.enter()) {
            long started = System.nanoTime();
            assertThatThrownBy(gate::enter).isInstanceOfSatisfying(ApiError.TooManyRequests.class, e -> {
                assertThat(e.retryAfterSeconds()).isBetween(1L, 5L);
                assertThat(e.getMessage()).contains("admitting other agents");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
        try (JoinGate.Permit again = gate.enter()) {
            assertThat(again).as("the place came back when the first join ended").isNotNull();
        }
    }

    @Test
    void aPlaceFreedWhileWaitingIsTaken() throws Exception {
        JoinGate gate = new JoinGate(1, Duration.ofSeconds(5));
        JoinGate.Permit first = gate.enter();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            first.close();
        });
        try (JoinGate.Permit second = gate.enter()) {
            assertThat(second).isNotNull();
        }
    }
}
