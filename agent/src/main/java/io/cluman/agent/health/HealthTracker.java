package io.cluman.agent.health;

import io.cluman.model.container.Health;
import io.cluman.model.container.HealthCheck;
import java.time.Instant;

/**
 * The health of one task from its check results. Pure: results and their times go in, the reading
 * comes out. As Docker does it: a failure within the start period does not count until a check has
 * passed; {@code retries} consecutive failures make the task unhealthy, keeping the last failure's
 * output as the reason; one pass makes it healthy. Not thread-safe (its checker's thread owns it).
 *
 * <pre>
 *  STARTING ──pass──► HEALTHY ◄──pass── UNHEALTHY
 *     │                  └──retries failures──►┘ ▲
 *     └──retries failures counted after the start period──┘
 * </pre>
 */
final class HealthTracker {
    /** How much of a failure's output is kept as the reason. */
    static final int REASON_LIMIT = 200;

    private final HealthCheck check;
    private final Instant startPeriodEnds;
    private boolean passedOnce;
    private int failures;
    private HealthReading reading = new HealthReading(Health.STARTING, null);

    HealthTracker(HealthCheck check, Instant started) {
        this.check = check;
        this.startPeriodEnds = started.plus(check.startPeriod());
    }

    HealthReading reading() {
        return reading;
    }

    /** Takes the result of a check that ended at {@code now}; returns whether the health changed. */
    boolean record(ProbeResult result, Instant now) {
        Health before = reading.health();
        if (result.passed()) {
            passedOnce = true;
            failures = 0;
            reading = new HealthReading(Health.HEALTHY, null);
        } else if (passedOnce || !now.isBefore(startPeriodEnds)) {
            failures++;
            if (failures >= check.retries()) {
                reading = new HealthReading(Health.UNHEALTHY, reason(result.output()));
            }
        }
        return reading.health() != before;
    }

    /** The output on one line, cut to {@link #REASON_LIMIT} characters. */
    static String reason(String output) {
        String line = output.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "the check failed without output";
        }
        return line.length() <= REASON_LIMIT ? line : line.substring(0, REASON_LIMIT - 3) + "...";
    }
}
