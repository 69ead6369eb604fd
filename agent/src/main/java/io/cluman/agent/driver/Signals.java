package io.cluman.agent.driver;

import java.util.Locale;
import java.util.Map;

/**
 * The signals a task can be stopped with, by name. Both drivers accept {@code TERM}, {@code SIGTERM}
 * and {@code 15} alike and hand the engine (or {@code kill}) the bare name, so nothing but a known
 * name ever reaches a command line.
 */
public final class Signals {
    /** The signal {@link TaskDriver#stop} sends when none is given. */
    public static final String DEFAULT = "TERM";

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("KILL", 9),
            Map.entry("USR1", 10), Map.entry("USR2", 12), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("WINCH", 28));

    private Signals() {
    }

    /**
     * The bare name of {@code signal} ({@code TERM} for {@code SIGTERM}, {@code sigterm}, {@code 15});
     * {@link #DEFAULT} for null or blank.
     *
     * @throws DriverException INVALID_SPEC for a signal outside the known set
     */
    public static String normalize(String signal) {
        if (signal == null || signal.isBlank()) {
            return DEFAULT;
        }
        String text = signal.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("SIG")) {
            text = text.substring(3);
        }
        if (NUMBERS.containsKey(text)) {
            return text;
        }
        for (Map.Entry<String, Integer> entry : NUMBERS.entrySet()) {
            if (String.valueOf(entry.getValue()).equals(text)) {
                return entry.getKey();
            }
        }
        throw new DriverException(DriverException.Reason.INVALID_SPEC, "unknown signal '" + signal
                + "': use one of " + String.join(", ", NUMBERS.keySet().stream().sorted().toList()));
    }
}
