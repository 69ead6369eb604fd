package io.cluman.server.compose;

import io.cluman.model.validation.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as compose files write them, Go's form: {@code 30s}, {@code 1m30s}, {@code 1.5s},
 * {@code 500ms}, {@code 100us}, {@code 2h}; Cluman's own forms ({@code 10}, {@code 1d}) are accepted too.
 */
final class ComposeDurations {
    private static final Pattern GO = Pattern.compile("((\\d+(?:\\.\\d+)?|\\.\\d+)(ns|us|µs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private ComposeDurations() {
    }

    /** The duration {@code text} means; IllegalArgumentException naming the accepted forms when none. */
    static Duration parse(String text) {
        String t = text.strip();
        if (!GO.matcher(t).matches()) {
            try {
                return Durations.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration such as 30s, 1m30s, 1.5s or"
                        + " 500ms");
            }
        }
        Matcher m = PART.matcher(t);
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }
}
