package io.cluman.server.compose;

import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.validation.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a service's {@code healthcheck} into a Cluman {@code command} check. {@code ["CMD", prog, args...]}
 * runs the program; {@code ["CMD-SHELL", line]} and a plain string run one shell line; {@code ["NONE"]} and
 * {@code disable: true} mean no check. Durations missing get docker's defaults (interval 30s, timeout 30s
 * but at most the interval, retries 3, start_period 0s), so a file behaves as under docker.
 */
final class HealthCheckMapper {
    static final Duration DOCKER_INTERVAL = Duration.ofSeconds(30);
    static final int MAX_RETRIES = 100;
    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofHours(24);
    private static final Set<String> KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "disable");
    private static final String TEST_HINT = "use [\"CMD\", \"program\", \"arg\"...], [\"CMD-SHELL\", \"line\"],"
            + " [\"NONE\"] or one shell line";

    private final Values values;

    HealthCheckMapper(Values values) {
        this.values = values;
    }

    /** The check {@code healthcheck} (a mapping at {@code path}) asks for; null for none or when invalid. */
    HealthCheckRequest map(Object healthcheck, String path) {
        Map<String, Object> h = values.map(healthcheck, path);
        if (h == null) {
            return null;
        }
        values.warnUnsupported(h, path, KEYS, Map.of("start_interval", "not supported by Cluman: checks run every"
                + " interval from the start"));
        Boolean disable = values.bool(h.get("disable"), Paths.child(path, "disable"), false);
        if (disable == null || disable) {
            return null;
        }
        if (!h.containsKey("test")) {
            values.findings().warn(path, "no test: Cluman does not run an image's own HEALTHCHECK, so the service is"
                    + " not checked");
            return null;
        }
        List<String> command = command(h.get("test"), Paths.child(path, "test"));
        Duration interval = duration(h.get("interval"), Paths.child(path, "interval"), DOCKER_INTERVAL, MIN);
        Duration timeout = duration(h.get("timeout"), Paths.child(path, "timeout"), null, MIN);
        Duration startPeriod = duration(h.get("start_period"), Paths.child(path, "start_period"), Duration.ZERO,
                Duration.ZERO);
        Integer retries = h.containsKey("retries")
                ? values.integer(h.get("retries"), Paths.child(path, "retries"), 0, MAX_RETRIES) : Integer.valueOf(3);
        if (command == null || command.isEmpty() || interval == null || startPeriod == null || retries == null
                || (timeout == null && h.get("timeout") != null)) {
            return null;
        }
        if (timeout == null) {
            timeout = DOCKER_INTERVAL.compareTo(interval) > 0 ? interval : DOCKER_INTERVAL;
        } else if (timeout.compareTo(interval) > 0) {
            values.findings().warn(Paths.child(path, "timeout"), Durations.format(timeout) + " is longer than the"
                    + " interval: Cluman ends each check before the next, so the timeout is "
                    + Durations.format(interval));
            timeout = interval;
        }
        return new HealthCheckRequest("command", command, null, null, Durations.format(interval),
                Durations.format(timeout), retries == 0 ? 3 : retries, Durations.format(startPeriod));
    }

    /** The command {@code test} runs: one element is a shell line (Cluman's convention); null when invalid. */
    private List<String> command(Object test, String path) {
        if (!(test instanceof List<?>)) {
            String line = values.text(test, path);
            if (line == null || line.isBlank()) {
                values.findings().error(path, "is empty: " + TEST_HINT);
                return null;
            }
            return List.of(line);
        }
        List<String> words = values.texts(test, path);
        String kind = words.isEmpty() ? "" : words.get(0);
        List<String> rest = words.subList(Math.min(1, words.size()), words.size());
        return switch (kind) {
            case "NONE" -> List.of();
            case "CMD" -> {
                if (rest.isEmpty() || rest.get(0).isBlank()) {
                    values.findings().error(path, "CMD names no program: " + TEST_HINT);
                    yield null;
                }
                yield List.copyOf(rest);
            }
            case "CMD-SHELL" -> {
                if (rest.isEmpty() || String.join(" ", rest).isBlank()) {
                    values.findings().error(path, "CMD-SHELL has no command line: " + TEST_HINT);
                    yield null;
                }
                yield List.of(String.join(" ", rest));
            }
            default -> {
                values.findings().error(path, "must start with CMD, CMD-SHELL or NONE: " + TEST_HINT);
                yield null;
            }
        };
    }

    /** The duration at {@code path} ({@code fallback} when absent); null (and an error) when invalid. */
    private Duration duration(Object value, String path, Duration fallback, Duration min) {
        String text = values.text(value, path);
        if (text == null) {
            return fallback;
        }
        try {
            Duration d = ComposeDurations.parse(text);
            if (d.compareTo(min) >= 0 && d.compareTo(MAX) <= 0) {
                return d;
            }
            values.findings().error(path, "'" + text + "' is out of range: " + Durations.format(min) + " to 24h");
        } catch (IllegalArgumentException e) {
            values.findings().error(path, e.getMessage());
        }
        return null;
    }
}
