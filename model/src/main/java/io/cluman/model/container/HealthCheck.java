package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the agent checks that a running container works; checked and defaulted by the server.
 *
 * <p>Every {@code interval} the agent runs one check, which must end within {@code timeout}. Failures
 * within {@code startPeriod} of the start do not count, until a check passes. {@code retries}
 * consecutive failures make the container unhealthy; one pass makes it healthy again.
 *
 * @param command {@link HealthCheckType#COMMAND}: the program and its arguments, run in the container
 *                (docker: {@code docker exec}; process: in the task's working dir and environment); a
 *                single word is a shell line, run with {@code /bin/sh -c}
 * @param port    {@link HealthCheckType#HTTP} and {@link HealthCheckType#TCP}: the port on the node's
 *                loopback address (tasks use the node's network, or publish the port there)
 * @param path    {@link HealthCheckType#HTTP}: the path to GET; a 2xx or 3xx answer passes
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HealthCheck(HealthCheckType type, List<String> command, int port, String path,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) Duration interval,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) Duration timeout, int retries,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) Duration startPeriod) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 3;

    public HealthCheck {
        Objects.requireNonNull(type, "type");
        command = command == null ? List.of() : List.copyOf(command);
        path = path == null || path.isBlank() ? (type == HealthCheckType.HTTP ? "/" : "") : path;
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
    }

    /** What a command check runs: the command, or {@code /bin/sh -c LINE} for a single word. */
    public List<String> argv() {
        return command.size() == 1 ? List.of("/bin/sh", "-c", command.get(0)) : command;
    }

    /** What is checked, for messages: {@code GET http://127.0.0.1:8080/ready}, {@code tcp 127.0.0.1:5432}. */
    public String target() {
        return switch (type) {
            case COMMAND -> String.join(" ", command);
            case HTTP -> "GET http://127.0.0.1:" + port + path;
            case TCP -> "tcp 127.0.0.1:" + port;
        };
    }
}
