package io.cluman.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"10s, 10000, 10s", "500ms, 500, 500ms", "1m, 60000, 1m", "1h30m, 5400000, 1h30m",
        "10, 10000, 10s", "2.5, 2500, 2s500ms", "PT0.5S, 500, 500ms", "0s, 0, 0s", "1d, 86400000, 1d"})
    void readsTheShortFormsBareSecondsAndIsoAndWritesTheShortForm(String text, long millis, String written) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "", "s", "-1s", "10 s", "1m-", "PTX"})
    void refusesOtherTextNamingTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is not a duration such as 10s");
    }
}
