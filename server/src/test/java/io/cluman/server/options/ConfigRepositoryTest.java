package io.cluman.server.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void clonesReadsTheDefaultsFilesAndSeesNewCommitsOnRefresh() {
        try (ConfigRepoFixture origin = ConfigRepoFixture.init(dir.resolve("origin"))) {
            String first = origin.commit("web/nginx.yml", "memory: 256M\n");
            origin.commit("README.md", "not a defaults file\n");
            String second = origin.commit("web/deep/nested.yml", "memory: 1G\n");
            ConfigRepository repo = repository(origin.url(), null);

            assertThat(repo.refresh()).isTrue();
            ConfigSnapshot snapshot = repo.snapshot();
            assertThat(snapshot.commit()).isEqualTo(second).isNotEqualTo(first);
            assertThat(snapshot.files()).containsOnlyKeys("web/nginx.yml");
            assertThat(snapshot.pathFor("web", "nginx")).contains("web/nginx.yml");
            assertThat(repo.refresh()).as("nothing new").isFalse();

            String third = origin.commit("web/nginx.yml", "memory: 512M\n");
            assertThat(repo.refresh()).isTrue();
            assertThat(repo.snapshot().commit()).isEqualTo(third);
            assertThat(repo.snapshot().files().get("web/nginx.yml")).isEqualTo("memory: 512M\n");
            assertThat(repo.lastError()).isEmpty();
        }
    }

    @Test
    void aFetchThatFailsKeepsTheLastGoodSnapshotAndSaysWhy() throws Exception {
        Path originDir = dir.resolve("origin");
        ConfigRepository repo;
        try (ConfigRepoFixture origin = ConfigRepoFixture.init(originDir)) {
            origin.commit("web/nginx.yml", "memory: 256M\n");
            repo = repository(origin.url(), null);
            assertThat(repo.refresh()).isTrue();
        }
        ConfigSnapshot good = repo.snapshot();
        try (var paths = Files.walk(originDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(repo.refresh()).isFalse();
        assertThat(repo.snapshot()).isEqualTo(good);
        assertThat(repo.lastError()).hasValueSatisfying(e -> assertThat(e).contains("origin"));
    }

    @Test
    void anUnknownRepositoryOrBranchIsAnErrorWithAnEmptySnapshot() {
        ConfigRepository missing = repository(dir.resolve("nowhere").toUri().toString(), null);
        assertThat(missing.refresh()).isFalse();
        assertThat(missing.snapshot()).isEqualTo(ConfigSnapshot.EMPTY);
        assertThat(missing.lastError()).hasValueSatisfying(e -> assertThat(e).contains("nowhere"));

        try (ConfigRepoFixture origin = ConfigRepoFixture.init(dir.resolve("origin"))) {
            origin.commit("web/nginx.yml", "memory: 256M\n");
            ConfigRepository repo = repository(origin.url(), "nope");
            assertThat(repo.refresh()).isFalse();
            assertThat(repo.lastError()).hasValueSatisfying(e -> assertThat(e).contains("branch nope"));
            ConfigRepository main = repository(origin.url(), "main");
            assertThat(main.refresh()).isTrue();
            assertThat(main.snapshot().files()).containsKey("web/nginx.yml");
        }
    }

    private ConfigRepository repository(String url, String branch) {
        return new ConfigRepository(new ConfigGitSettings(url, null, null, branch, null),
                dir.resolve("clone-" + (branch == null ? "head" : branch) + "-" + url.hashCode()),
                InstantSource.system());
    }
}
