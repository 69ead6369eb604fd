package io.cluman.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Human formats for tables and details: {@code 15.6 GiB}, {@code 3s ago}, {@code 2.5} cpus. */
public final class Human {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Human() {
    }

    /** Binary size with one decimal past bytes: {@code 512 B}, {@code 1.5 KiB}, {@code 15.6 GiB}; {@code -} below 0. */
    public static String size(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (String.format(Locale.ROOT, "%.1f", value).equals("1024.0") && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** How long before {@code now} {@code then} was: {@code 3s ago}, {@code 5m ago}, {@code 2h ago}, {@code 4d ago};
     * up to a minute in the future counts as {@code 0s ago}. */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "-";
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            // Up to a minute ahead is clock skew or a time written after "now" was taken: call it now.
            return d.compareTo(CLOCK_SKEW.negated()) >= 0 ? "0s ago" : "in " + span(d.negated());
        }
        return span(d) + " ago";
    }

    /** A short span: {@code 45s}, {@code 12m}, {@code 5h}, {@code 3d} (hours up to two days). */
    public static String span(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }

    /** A cpu count without a needless fraction: {@code 4}, {@code 2.5}, {@code 0.25}. */
    public static String cpus(double cpus) {
        if (Double.isNaN(cpus) || Double.isInfinite(cpus)) {
            return "-";
        }
        return BigDecimal.valueOf(cpus).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A ratio 0..1 as a percentage with one decimal: {@code 42.0%}. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
