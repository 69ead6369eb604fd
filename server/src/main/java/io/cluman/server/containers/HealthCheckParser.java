package io.cluman.server.containers;

import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.container.HealthCheckType;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import java.time.Duration;
import java.util.List;

/**
 * Checks the {@code healthcheck} of a container request field by field (errors go to the caller's
 * {@link Validator}, named {@code healthcheck.<field>}) and fills in the defaults. Pure.
 */
final class HealthCheckParser {
    private static final String FIELD = "healthcheck.";
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final int MAX_RETRIES = 100;

    private HealthCheckParser() {
    }

    /** The check {@code r} asks for, or null when it is null or has errors (then added to {@code v}). */
    static HealthCheck parse(HealthCheckRequest r, Validator v) {
        if (r == null) {
            return null;
        }
        HealthCheckType type = type(r.type(), v);
        Duration interval = duration("interval", r.interval(), HealthCheck.DEFAULT_INTERVAL, MIN_INTERVAL, v);
        Duration timeout = duration("timeout", r.timeout(), HealthCheck.DEFAULT_TIMEOUT, MIN_INTERVAL, v);
        Duration startPeriod = duration("startPeriod", r.startPeriod(), Duration.ZERO, Duration.ZERO, v);
        if (interval != null && timeout != null && timeout.compareTo(interval) > 0) {
            v.add(FIELD + "timeout", Durations.format(timeout) + " is longer than the interval "
                    + Durations.format(interval) + ": a check must end before the next one starts");
        }
        int retries = r.retries() == null ? HealthCheck.DEFAULT_RETRIES : r.retries();
        v.check(retries >= 1 && retries <= MAX_RETRIES, FIELD + "retries",
                retries + " is not a number of retries: 1-" + MAX_RETRIES);
        if (type == null) {
            return null;
        }
        boolean network = type != HealthCheckType.COMMAND;
        List<String> command = r.command() == null ? List.of() : r.command();
        if (network) {
            v.check(command.isEmpty(), FIELD + "command", "is only for type command, not " + type.wireName());
            port(r.port(), v);
        } else {
            v.check(!command.isEmpty() && command.stream().noneMatch(w -> w == null || w.isBlank())
                    && !command.get(0).isBlank(), FIELD + "command", "is required for type command: the program"
                    + " and its arguments, e.g. [\"pg_isready\"], or one shell line, e.g. [\"test -f /tmp/ready\"]");
            v.check(r.port() == null, FIELD + "port", "is only for types http and tcp");
        }
        if (r.path() != null) {
            v.check(type == HealthCheckType.HTTP, FIELD + "path", "is only for type http");
            v.check(r.path().startsWith("/") && r.path().chars().noneMatch(c -> c <= ' '), FIELD + "path",
                    "'" + r.path() + "' is not a URL path: start it with '/', without blanks, e.g. /health");
        }
        if (!v.isValid()) {
            return null;
        }
        return new HealthCheck(type, command, network ? r.port() : 0, r.path(), interval, timeout, retries,
                startPeriod);
    }

    private static HealthCheckType type(String text, Validator v) {
        if (text == null || text.isBlank()) {
            v.add(FIELD + "type", "is required: command, http or tcp");
            return null;
        }
        try {
            return HealthCheckType.parse(text);
        } catch (IllegalArgumentException e) {
            v.add(FIELD + "type", e.getMessage());
            return null;
        }
    }

    private static void port(Integer port, Validator v) {
        if (port == null) {
            v.add(FIELD + "port", "is required for types http and tcp: the port on the node, 1-65535");
        } else {
            v.check(port >= 1 && port <= 65535, FIELD + "port", port + " is not a port: 1-65535");
        }
    }

    private static Duration duration(String name, String text, Duration fallback, Duration min, Validator v) {
        if (text == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(text);
            if (d.compareTo(min) < 0 || d.compareTo(MAX_DURATION) > 0) {
                v.add(FIELD + name, "'" + text + "' is out of range: " + Durations.format(min) + " to 24h");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            v.add(FIELD + name, e.getMessage());
            return null;
        }
    }
}
