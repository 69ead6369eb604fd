package io.cluman.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.container.Health;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.container.HealthCheckType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTrackerTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Each result is {@code +} (pass) or {@code -} (fail), one per second after the start; the start
     * period is 2.5 s, so the first two results fall within it.
     */
    @ParameterizedTest(name = "{0} with {1} retries -> {2}")
    @CsvSource({
        "'', 3, STARTING",
        "--, 1, STARTING",          // failures within the start period do not count
        "---, 1, UNHEALTHY",        // the third falls after it
        "----, 3, STARTING",
        "-----, 3, UNHEALTHY",
        "+, 3, HEALTHY",
        "+-, 1, UNHEALTHY",         // after a pass the start period no longer shields failures
        "+--, 3, HEALTHY",
        "+---, 3, UNHEALTHY",
        "+---+, 3, HEALTHY",
        "+--+--, 3, HEALTHY",       // failures must be consecutive
    })
    void healthFollowsTheResults(String results, int retries, Health expected) {
        HealthCheck check = new HealthCheck(HealthCheckType.TCP, List.of(), 80, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), retries, Duration.ofMillis(2500));
        HealthTracker tracker = new HealthTracker(check, START);
        for (int i = 0; i < results.length(); i++) {
            boolean pass = results.charAt(i) == '+';
            tracker.record(pass ? ProbeResult.pass() : ProbeResult.fail("failure " + i), START.plusSeconds(i + 1));
        }
        assertThat(tracker.reading().health()).isEqualTo(expected);
        assertThat(tracker.reading().reason() != null).isEqualTo(expected == Health.UNHEALTHY);
    }

    @ParameterizedTest
    @CsvSource({"+-+, 1", "---, 2"})
    void recordSaysWhenTheHealthChanged(String results, int retries) {
        HealthCheck check = new HealthCheck(HealthCheckType.TCP, List.of(), 80, null, null, null, retries, null);
        HealthTracker tracker = new HealthTracker(check, START);
        List<Health> changes = new ArrayList<>();
        for (char c : results.toCharArray()) {
            if (tracker.record(c == '+' ? ProbeResult.pass() : ProbeResult.fail("no"), START)) {
                changes.add(tracker.reading().health());
            }
        }
        assertThat(changes).containsExactlyElementsOf(retries == 1
                ? List.of(Health.HEALTHY, Health.UNHEALTHY, Health.HEALTHY) : List.of(Health.UNHEALTHY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exit code 1: not ready\\n| exit code 1: not ready",
        "'  a \\n\\t b  '| a b",
        "''| the check failed without output"})
    void theReasonIsTheLastFailuresOutputOnOneLine(String output, String reason) {
        HealthCheck check = new HealthCheck(HealthCheckType.TCP, List.of(), 80, null, null, null, 1, null);
        HealthTracker tracker = new HealthTracker(check, START);
        tracker.record(ProbeResult.fail("earlier"), START);
        tracker.record(ProbeResult.fail(output.translateEscapes()), START);
        assertThat(tracker.reading().reason()).isEqualTo(reason);
    }

    @org.junit.jupiter.api.Test
    void aLongReasonIsCutTo200Characters() {
        String reason = HealthTracker.reason("x".repeat(1000));
        assertThat(reason).hasSize(HealthTracker.REASON_LIMIT).endsWith("...");
    }
}
