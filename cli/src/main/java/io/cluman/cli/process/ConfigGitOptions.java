package io.cluman.cli.process;

import io.cluman.server.options.ConfigGitSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --config-git-*} options of {@code server} and {@code dev}: the repository of per-cluster defaults. */
public final class ConfigGitOptions {
    @Option(names = "--config-git-url", paramLabel = "URL",
            description = "Git repository of per-cluster container defaults (<cluster>/<image>.yml or .properties).")
    String url;

    @Option(names = "--config-git-username", paramLabel = "USER", description = "User for the config repository.")
    String username;

    @Option(names = "--config-git-password", paramLabel = "PASSWORD",
            defaultValue = "${env:CLUMAN_CONFIG_GIT_PASSWORD}",
            description = "Password or token for the config repository (default: $CLUMAN_CONFIG_GIT_PASSWORD).")
    String password;

    @Option(names = "--config-git-branch", paramLabel = "BRANCH",
            description = "Branch to read (default: the repository's default branch).")
    String branch;

    @Option(names = "--config-git-refresh", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class, description = "How often to fetch the config repository (default ${DEFAULT-VALUE}).")
    Duration refresh;

    /**
     * The settings, or null without {@code --config-git-url}.
     *
     * @throws IllegalArgumentException for a blank URL or too short a refresh
     */
    ConfigGitSettings settings() {
        if (url == null) {
            return null;
        }
        return new ConfigGitSettings(url, username, password, branch, refresh);
    }
}
