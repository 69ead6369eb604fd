package io.cluman.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "512, 512 B",
        "1023, 1023 B",
        "1024, 1.0 KiB",
        "1536, 1.5 KiB",
        "1048575, 1.0 MiB",
        "16750372454, 15.6 GiB",
        "1099511627776, 1.0 TiB",
        "-1, -"
    })
    void formatsSizesInBinaryUnits(long bytes, String expected) {
        assertThat(Human.size(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0s ago",
        "3, 3s ago",
        "59, 59s ago",
        "60, 1m ago",
        "3599, 59m ago",
        "7200, 2h ago",
        "172799, 47h ago",
        "259200, 3d ago",
        "-5, 0s ago",
        "-60, 0s ago",
        "-120, in 2m"
    })
    void formatsTimesRelativeToNow(long secondsBefore, String expected) {
        assertThat(Human.ago(NOW.minus(Duration.ofSeconds(secondsBefore)), NOW)).isEqualTo(expected);
    }

    @Test
    void aMissingTimeIsADash() {
        assertThat(Human.ago(null, NOW)).isEqualTo("-");
    }

    @ParameterizedTest
    @CsvSource({"4.0, 4", "2.5, 2.5", "0.25, 0.25", "2.999, 3", "0, 0"})
    void formatsCpusWithoutNeedlessFractions(double cpus, String expected) {
        assertThat(Human.cpus(cpus)).isEqualTo(expected);
    }
}
