package io.cluman.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.store.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoRoomClockTest {
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private final ManualClock clock = new ManualClock();
    private final NoRoomClock stuck = new NoRoomClock(clock, LIMIT);

    private static Evacuation.Pending noRoom(int left) {
        return new Evacuation.Pending(left, left + " left", true);
    }

    private static Evacuation.Pending moving(int left) {
        return new Evacuation.Pending(left, left + " left", false);
    }

    @Test
    void expiresOnceThereHasBeenNoRoomForTheWholeLimit() {
        assertThat(stuck.expired(noRoom(2))).isFalse();
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(stuck.expired(noRoom(2))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(stuck.expired(noRoom(2))).isTrue();
    }

    @Test
    void aReplicaLeavingTheNodeStartsTheClockAgain() {
        stuck.expired(noRoom(3));
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(stuck.expired(noRoom(2))).as("one replica moved: progress").isFalse();
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(stuck.expired(noRoom(2))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(stuck.expired(noRoom(2))).isTrue();
    }

    @Test
    void roomFoundStopsTheClock() {
        stuck.expired(noRoom(2));
        clock.advance(LIMIT.minusSeconds(1));
        assertThat(stuck.expired(moving(2))).as("replacements placed, waiting for them to be ready").isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(stuck.expired(noRoom(2))).as("no room again: a new wait begins").isFalse();
        clock.advance(LIMIT);
        assertThat(stuck.expired(noRoom(2))).isTrue();
    }

    @Test
    void waitingForReplacementsIsNeverTimedOut() {
        for (int i = 0; i < 10; i++) {
            assertThat(stuck.expired(moving(2))).isFalse();
            clock.advance(LIMIT);
        }
    }
}
