package io.cluman.agent.driver;

import io.cluman.model.node.DriverHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code docker} driver's engine: healthy when its unix socket answers {@code GET /_ping} with
 * {@code OK} within the timeout (2 s by default). Thread-safe: every check opens its own connection.
 */
public final class DockerProbe implements DriverProbe {
    public static final String NAME = "docker";
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final Path socket;
    private final Duration timeout;

    public DockerProbe(Path socket) {
        this(socket, DEFAULT_TIMEOUT);
    }

    public DockerProbe(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /**
     * The engine's socket as the docker CLI finds it: {@code DOCKER_HOST=unix:///path} when set, else
     * {@link #DEFAULT_SOCKET}. Empty when {@code DOCKER_HOST} names something other than a unix
     * socket (tcp engines are not supported).
     */
    public static Optional<Path> socketFrom(Map<String, String> environment) {
        String host = environment.get("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            return Optional.of(DEFAULT_SOCKET);
        }
        String text = host.strip();
        if (!text.startsWith("unix://") || text.length() == "unix://".length()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(text.substring("unix://".length())));
    }

    public Path socket() {
        return socket;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverHealth health() {
        if (!Files.exists(socket)) {
            return new DriverHealth(false, "docker socket " + socket + " does not exist");
        }
        try {
            UnixHttpGet.Reply reply = UnixHttpGet.get(socket, "/_ping", timeout);
            if (reply.status() == 200 && "OK".equals(reply.body().strip())) {
                return new DriverHealth(true, "");
            }
            return new DriverHealth(false, "docker engine at " + socket + " answered /_ping with "
                    + reply.status() + " " + abbreviate(reply.body()));
        } catch (IOException e) {
            return new DriverHealth(false, "docker engine at " + socket + " does not answer: " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
