package io.cluman.server;

import io.cluman.server.api.ApiOptions;
import io.cluman.server.options.ConfigGitSettings;
import io.cluman.server.services.ReplacementPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server runs.
 *
 * @param bindHost         address the API listens on
 * @param storeSpec        {@code embedded} or {@code etcd://host:port[,host:port...]}
 * @param autoCommission   commission nodes as soon as they join
 * @param offAfter         a node is off when its last heartbeat is older than this; agents heartbeat
 *                         three times per {@code offAfter} (every 5 s by default)
 * @param minDiskFreeRatio a node with less free disk than this share is unhealthy
 * @param configGit        the git repository of per-cluster container defaults; null: none
 * @param secretKeyFile    the key that seals secrets (registry passwords); null: {@code secret.key} in the
 *                         data dir, created at first start. Servers sharing an etcd must share one key.
 * @param replacement      when lost service replicas are placed again (grace, storm guard)
 * @param agents           the agent port (mutual TLS) and node certificates
 * @param api              rate limits and TLS of the API port
 */
public record ServerConfig(String bindHost, int port, Path dataDir, String storeSpec, boolean autoCommission,
                           Duration offAfter, double minDiskFreeRatio, ConfigGitSettings configGit,
                           Path secretKeyFile, ReplacementPolicy replacement, AgentPortSettings agents,
                           ApiOptions api) {
    /** A config with the default replacement policy. */
    public ServerConfig(String bindHost, int port, Path dataDir, String storeSpec, boolean autoCommission,
                        Duration offAfter, double minDiskFreeRatio, ConfigGitSettings configGit, Path secretKeyFile) {
        this(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio, configGit, secretKeyFile,
                ReplacementPolicy.DEFAULT, port == 0 ? AgentPortSettings.DEFAULT.withPort(0) : AgentPortSettings.DEFAULT,
                ApiOptions.DEFAULTS);
    }

    /** A config without a config repository, whose secret key lives in the data dir. */
    public ServerConfig(String bindHost, int port, Path dataDir, String storeSpec, boolean autoCommission,
                        Duration offAfter, double minDiskFreeRatio) {
        this(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio, null, null);
    }

    public ServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storeSpec, "storeSpec");
        Objects.requireNonNull(offAfter, "offAfter");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(api, "api");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (0-65535)");
        }
        if (offAfter.toMillis() < 300) {
            throw new IllegalArgumentException("off-after " + offAfter + " is too short: use at least 300ms");
        }
        if (minDiskFreeRatio < 0 || minDiskFreeRatio >= 1) {
            throw new IllegalArgumentException("min disk free ratio must be in [0, 1)");
        }
    }

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("127.0.0.1", 8761, dataDir, "embedded", false, Duration.ofSeconds(15), 0.05);
    }

    /** The base heartbeat interval: a third of {@link #offAfter}, so two lost heartbeats never mark a node off. */
    public Duration heartbeatInterval() {
        return offAfter.dividedBy(3);
    }

    /** This config on {@code newPort}; port 0 (any free port, in tests) puts the agent port on any free one too. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindHost, newPort, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio,
                configGit, secretKeyFile, replacement, newPort == 0 ? agents.withPort(0) : agents, api);
    }

    public ServerConfig withAgents(AgentPortSettings settings) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio,
                configGit, secretKeyFile, replacement, settings, api);
    }

    public ServerConfig withStore(String newSpec) {
        return new ServerConfig(bindHost, port, dataDir, newSpec, autoCommission, offAfter, minDiskFreeRatio,
                configGit, secretKeyFile, replacement, agents, api);
    }

    public ServerConfig withAutoCommission(boolean on) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, on, offAfter, minDiskFreeRatio, configGit,
                secretKeyFile, replacement, agents, api);
    }

    public ServerConfig withOffAfter(Duration newOffAfter) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, autoCommission, newOffAfter, minDiskFreeRatio,
                configGit, secretKeyFile, replacement, agents, api);
    }

    public ServerConfig withConfigGit(ConfigGitSettings settings) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio,
                settings, secretKeyFile, replacement, agents, api);
    }

    public ServerConfig withSecretKeyFile(Path file) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio,
                configGit, file, replacement, agents, api);
    }

    public ServerConfig withApi(ApiOptions newApi) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio,
                configGit, secretKeyFile, replacement, agents, newApi);
    }

    public ServerConfig withReplacement(ReplacementPolicy policy) {
        return new ServerConfig(bindHost, port, dataDir, storeSpec, autoCommission, offAfter, minDiskFreeRatio,
                configGit, secretKeyFile, policy, agents, api);
    }
}
