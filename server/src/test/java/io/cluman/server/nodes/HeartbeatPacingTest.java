package io.cluman.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatPacingTest {
    private final HeartbeatPacing pacing = new HeartbeatPacing(Duration.ofSeconds(5), Duration.ofSeconds(15));

    @ParameterizedTest(name = "{0} nodes beat every {1} ms and are off after {2} ms")
    @CsvSource({
        "0, 5000, 15000",
        "1, 5000, 15000",
        "10000, 5000, 15000",
        "12500, 5000, 15000",
        "25000, 10000, 30000",
        "100000, 40000, 120000"})
    void stretchesTheIntervalSoTheServerNeverTakesMoreThan2500BeatsASecond(int nodes, long interval, long off) {
        assertThat(pacing.interval(nodes).toMillis()).isEqualTo(interval);
        assertThat(pacing.offAfter(nodes).toMillis()).isEqualTo(off);
        assertThat(nodes * 1000.0 / pacing.interval(nodes).toMillis()).isLessThanOrEqualTo(2500);
    }
}
