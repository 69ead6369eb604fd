package io.cluman.server.options;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the per-cluster defaults live: a git repository the server clones into its data dir and fetches
 * every {@code refresh}. {@link #toString()} never shows the password.
 *
 * @param url      anything JGit clones: {@code https://...}, {@code file:///srv/config.git}, a local path
 * @param username null or blank: no credentials
 * @param password the password or access token; null: none
 * @param branch   the branch to read; null or blank: the remote's default branch (HEAD)
 */
public record ConfigGitSettings(String url, String username, String password, String branch, Duration refresh) {
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);

    public ConfigGitSettings {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("--config-git-url must not be blank");
        }
        refresh = refresh == null ? DEFAULT_REFRESH : refresh;
        if (refresh.toMillis() < 100) {
            throw new IllegalArgumentException("--config-git-refresh " + refresh + " is too short: use at least 100ms");
        }
        branch = branch == null || branch.isBlank() ? null : branch.strip();
    }

    public boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ConfigGitSettings[url=" + url + ", username=" + username + ", password=***, branch=" + branch
                + ", refresh=" + refresh + "]";
    }
}
