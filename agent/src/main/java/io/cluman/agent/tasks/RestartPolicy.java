package io.cluman.agent.tasks;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a task that ended is started again: {@code no}, {@code always}, {@code on-failure} or
 * {@code on-failure:N} (at most N restarts). Back-off doubles from 1 s up to 30 s. Pure.
 */
record RestartPolicy(Kind kind, int maxRestarts) {
    private static final Pattern TEXT = Pattern.compile("(no|always|on-failure)(?::(\\d+))?");
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    enum Kind { NO, ALWAYS, ON_FAILURE }

    static RestartPolicy parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "no" : text);
        if (!m.matches()) {
            return new RestartPolicy(Kind.NO, 0);
        }
        Kind kind = switch (m.group(1)) {
            case "always" -> Kind.ALWAYS;
            case "on-failure" -> Kind.ON_FAILURE;
            default -> Kind.NO;
        };
        return new RestartPolicy(kind, m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2)));
    }

    /** Whether a task that ended with {@code exitCode} (null: unknown) after {@code restarts} restarts runs again. */
    boolean restarts(Integer exitCode, int restarts) {
        return switch (kind) {
            case NO -> false;
            case ALWAYS -> true;
            case ON_FAILURE -> (exitCode == null || exitCode != 0) && restarts < maxRestarts;
        };
    }

    /** How long to wait before restart number {@code restarts} (1 s, 2 s, 4 s, ... at most 30 s). */
    static Duration backoff(int restarts) {
        long millis = FIRST.toMillis() << Math.min(Math.max(restarts - 1, 0), 5);
        return Duration.ofMillis(Math.min(millis, MAX.toMillis()));
    }
}
