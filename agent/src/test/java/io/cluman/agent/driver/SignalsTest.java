package io.cluman.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {
    @ParameterizedTest
    @CsvSource({"TERM,TERM", "SIGTERM,TERM", "sigterm,TERM", "15,TERM", "' INT ',INT", "9,KILL", "SIGHUP,HUP",
            "USR1,USR1", "'',TERM"})
    void namesNumbersAndPrefixesBecomeTheBareName(String given, String expected) {
        assertThat(Signals.normalize(given)).isEqualTo(expected);
    }

    @Test
    void nullIsTerm() {
        assertThat(Signals.normalize(null)).isEqualTo("TERM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOPE", "99", "TERM; rm -rf /", "-15", "SIG"})
    void anythingElseIsAnInvalidSpec(String given) {
        assertThatThrownBy(() -> Signals.normalize(given)).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC);
            assertThat(e.getMessage()).contains("unknown signal").contains("TERM");
        });
    }
}
