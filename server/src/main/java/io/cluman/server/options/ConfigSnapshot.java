package io.cluman.server.options;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration repository's files at one commit: every {@code <cluster>/<name>.yml|.yaml|.properties}.
 *
 * @param commit  the commit's id; empty before the first successful fetch
 * @param files   path → content
 * @param readAt  when this commit was read; null before the first
 */
public record ConfigSnapshot(String commit, Map<String, String> files, Instant readAt) {
    public static final ConfigSnapshot EMPTY = new ConfigSnapshot("", Map.of(), null);

    public ConfigSnapshot {
        files = Map.copyOf(files);
    }

    /** The defaults file for {@code imageName} in {@code cluster}: the first of .yml, .yaml, .properties. */
    public Optional<String> pathFor(String cluster, String imageName) {
        for (String ext : new String[] {".yml", ".yaml", ".properties"}) {
            String path = cluster + "/" + imageName + ext;
            if (files.containsKey(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** The commit's id shortened as git shows it. */
    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
