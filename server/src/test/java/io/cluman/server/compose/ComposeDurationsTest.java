package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeDurationsTest {

    @ParameterizedTest(name = "{0} = {1}ms")
    @CsvSource({"30s, 30000", "1m30s, 90000", "1.5s, 1500", "500ms, 500", "2h, 7200000", "1h2m3s4ms, 3723004",
            "100us, 0", "10, 10000", "1d, 86400000", ".5s, 500"})
    void readsGoAndClumanForms(String text, long millis) {
        assertThat(ComposeDurations.parse(text).toMillis()).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "10 seconds", "1x", "-5s", "PT"})
    void refusesOthers(String text) {
        assertThatThrownBy(() -> ComposeDurations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void keepsSubMillisecondPrecision() {
        assertThat(ComposeDurations.parse("1500us")).isEqualTo(Duration.ofMillis(1).plusNanos(500_000));
    }
}
