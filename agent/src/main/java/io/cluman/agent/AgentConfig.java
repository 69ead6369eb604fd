package io.cluman.agent;

import io.cluman.agent.api.LocalApiConfig;
import io.cluman.model.validation.ValidationException;
import io.cluman.model.validation.Validator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one agent is set up. The canonical constructor validates, so an instance is always usable.
 *
 * @param joinUrl address of the server, {@code http(s)://host:port} (no trailing slash)
 * @param token   the join token, sent as bearer token on the first join only (later: the node certificate)
 * @param dataDir where the agent keeps its state (the node id)
 * @param name    the node's name; null means "the hostname"
 * @param labels  the node's labels
 * @param localApi where the local API listens and what address it advertises; null: {@link LocalApiConfig#DEFAULTS}
 * @param caFile  PEM certificates to trust for an {@code https://} server ({@code --ca-file}); null: the
 *                JDK's trusted CAs
 * @param statsInterval how often running tasks are sampled for the server's stats history; null:
 *                {@link #DEFAULT_STATS_INTERVAL}; at least 1 s
 */
public record AgentConfig(String joinUrl, String token, Path dataDir, String name, Map<String, String> labels,
                          LocalApiConfig localApi, Path caFile, Duration statsInterval) {
    /** The data dir when none is given. */
    public static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/cluman-agent");
    /** How often running tasks are sampled when none is given. */
    public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofSeconds(10);

    public AgentConfig {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        localApi = localApi == null ? LocalApiConfig.DEFAULTS : localApi;
        joinUrl = joinUrl == null ? null : stripTrailingSlash(joinUrl.strip());
        statsInterval = statsInterval == null ? DEFAULT_STATS_INTERVAL : statsInterval;
        validate(joinUrl, token, dataDir, name, labels);
        if (statsInterval.toMillis() < 1000) {
            throw ValidationException.of("statsInterval", "must be at least 1s, not " + statsInterval);
        }
    }

    /** A config that samples tasks every {@link #DEFAULT_STATS_INTERVAL}. */
    public AgentConfig(String joinUrl, String token, Path dataDir, String name, Map<String, String> labels,
                       LocalApiConfig localApi, Path caFile) {
        this(joinUrl, token, dataDir, name, labels, localApi, caFile, null);
    }

    /** A config that trusts the JDK's CAs. */
    public AgentConfig(String joinUrl, String token, Path dataDir, String name, Map<String, String> labels,
                       LocalApiConfig localApi) {
        this(joinUrl, token, dataDir, name, labels, localApi, null);
    }

    /** A config with the local API on its defaults (every interface, port 8762). */
    public AgentConfig(String joinUrl, String token, Path dataDir, String name, Map<String, String> labels) {
        this(joinUrl, token, dataDir, name, labels, LocalApiConfig.DEFAULTS);
    }

    /** This config with the local API set up as {@code api}. */
    public AgentConfig withLocalApi(LocalApiConfig api) {
        return new AgentConfig(joinUrl, token, dataDir, name, labels, api, caFile, statsInterval);
    }

    /** This config trusting the certificates of {@code file} (PEM) for an {@code https://} server. */
    public AgentConfig withCaFile(Path file) {
        return new AgentConfig(joinUrl, token, dataDir, name, labels, localApi, file, statsInterval);
    }

    /** This config sampling running tasks every {@code interval} (at least 1 s). */
    public AgentConfig withStatsInterval(Duration interval) {
        return new AgentConfig(joinUrl, token, dataDir, name, labels, localApi, caFile, interval);
    }

    /**
     * A config from the CLI's raw options ({@code --join --token --data --name --labels}).
     *
     * @param dataDir null or blank: {@link #DEFAULT_DATA_DIR}
     * @param name    null or blank: the hostname
     * @param labels  {@code k=v,k2=v2}; null or blank: none
     * @throws ValidationException naming every option at fault
     */
    public static AgentConfig of(String joinUrl, String token, String dataDir, String name, String labels) {
        Path dir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : Path.of(dataDir.strip());
        String nodeName = name == null || name.isBlank() ? null : name.strip();
        return new AgentConfig(joinUrl, token, dir, nodeName, parseLabels(labels));
    }

    /**
     * Parses {@code k=v,k2=v2} (blanks around items are ignored).
     *
     * @throws ValidationException when an item has no {@code =} or a key repeats
     */
    public static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return labels;
        }
        for (String item : text.split(",")) {
            String pair = item.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw ValidationException.of("labels", "'" + pair + "' is not key=value");
            }
            if (labels.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()) != null) {
                throw ValidationException.of("labels", "label '" + pair.substring(0, eq).strip() + "' is given twice");
            }
        }
        return labels;
    }

    private static void validate(String joinUrl, String token, Path dataDir, String name, Map<String, String> labels) {
        Validator v = new Validator();
        v.required("joinUrl", joinUrl);
        if (joinUrl != null && !joinUrl.isBlank()) {
            v.check(isHttpUrl(joinUrl), "joinUrl",
                    "'" + joinUrl + "' is not a server address such as http://10.0.0.1:8761");
        }
        v.required("token", token);
        v.required("dataDir", dataDir);
        if (name != null) {
            v.check(!name.isBlank() && name.length() <= 253 && name.chars().noneMatch(Character::isWhitespace),
                    "name", "'" + name + "' is not a node name: 1-253 characters without blanks");
        }
        v.labels("labels", labels);
        v.throwIfInvalid();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
