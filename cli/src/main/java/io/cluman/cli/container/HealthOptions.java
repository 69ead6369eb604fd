package io.cluman.cli.container;

import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.validation.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The health check options of {@code container run}: one of {@code --health-cmd}, {@code --health-http}
 * and {@code --health-tcp}, and its timing. The server checks the rest (ranges, timeout within the
 * interval) and names the field at fault.
 */
final class HealthOptions {
    private static final Pattern HTTP = Pattern.compile("(\\d{1,5})(/\\S*)?");

    @Option(names = "--health-cmd", paramLabel = "CMD",
            description = "Check health by running this shell line in the container (exit 0: healthy).")
    String command;

    @Option(names = "--health-http", paramLabel = "PORT[/PATH]", converter = HttpConverter.class,
            description = "Check health with GET http://127.0.0.1:PORT/PATH on the node (2xx or 3xx: healthy).")
    HttpTarget http;

    @Option(names = "--health-tcp", paramLabel = "PORT", description = "Check health by connecting to this port.")
    Integer tcp;

    @Option(names = "--health-interval", paramLabel = "DURATION", converter = DurationText.class,
            description = "Time between checks, e.g. 10s (default), 500ms, 1m.")
    String interval;

    @Option(names = "--health-timeout", paramLabel = "DURATION", converter = DurationText.class,
            description = "How long one check may take (default 5s).")
    String timeout;

    @Option(names = "--health-retries", paramLabel = "N",
            description = "Consecutive failures that make it unhealthy (default 3).")
    Integer retries;

    @Option(names = "--health-start-period", paramLabel = "DURATION", converter = DurationText.class,
            description = "Failures within this time of the start do not count until a check passes (default 0s).")
    String startPeriod;

    /** {@code --health-http 8080/ready}: a port and a path ({@code /} when none). */
    record HttpTarget(int port, String path) {
    }

    /** The check asked for, or null for none; a usage error for two kinds or timing without a kind. */
    HealthCheckRequest request(Function<String, CommandLine.ParameterException> usage) {
        List<String> kinds = new ArrayList<>();
        if (command != null) {
            kinds.add("--health-cmd");
        }
        if (http != null) {
            kinds.add("--health-http");
        }
        if (tcp != null) {
            kinds.add("--health-tcp");
        }
        if (kinds.size() > 1) {
            throw usage.apply("Give one health check, not " + String.join(" and ", kinds));
        }
        boolean timed = interval != null || timeout != null || retries != null || startPeriod != null;
        if (kinds.isEmpty()) {
            if (timed) {
                throw usage.apply("--health-interval, --health-timeout, --health-retries and --health-start-period"
                        + " need a check: --health-cmd, --health-http or --health-tcp");
            }
            return null;
        }
        if (command != null && command.isBlank()) {
            throw usage.apply("--health-cmd is empty: give the shell line to run, e.g. 'test -f /tmp/ready'");
        }
        String type = command != null ? "command" : http != null ? "http" : "tcp";
        return new HealthCheckRequest(type, command == null ? null : List.of(command),
                http != null ? Integer.valueOf(http.port()) : tcp, http == null ? null : http.path(), interval,
                timeout, retries, startPeriod);
    }

    static final class HttpConverter implements CommandLine.ITypeConverter<HttpTarget> {
        @Override
        public HttpTarget convert(String text) {
            Matcher m = HTTP.matcher(text.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not PORT[/PATH], e.g. 8080/health");
            }
            return new HttpTarget(Integer.parseInt(m.group(1)), m.group(2) == null ? "/" : m.group(2));
        }
    }

    /** Checks a duration's text here (a typo fails before anything is sent) and sends it as typed. */
    static final class DurationText implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            return text.strip();
        }
    }
}
