package io.cluman.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenDiscoveryTest {
    @TempDir
    Path root;

    private Path cwd;
    private Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void dirs() throws IOException {
        cwd = Files.createDirectories(root.resolve("work"));
        home = Files.createDirectories(root.resolve("home"));
    }

    private TokenDiscovery discovery() {
        return new TokenDiscovery(env, cwd, home);
    }

    private void token(Path dir, String value) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("admin.token"), value + "\n");
    }

    @Test
    void anExplicitTokenWinsOverEverything() throws IOException {
        env.put("CLUMAN_TOKEN", "from-env");
        token(cwd.resolve(".cluman"), "from-cwd");

        assertThat(discovery().find("from-flag", Path.of("data"))).contains("from-flag");
    }

    @Test
    void theEnvironmentTokenWinsOverFiles() throws IOException {
        env.put("CLUMAN_TOKEN", "from-env");
        token(cwd.resolve(".cluman"), "from-cwd");

        assertThat(discovery().find(null, null)).contains("from-env");
    }

    @Test
    void theDataOptionWinsOverCumanDataAndTheDefaults() throws IOException {
        env.put("CLUMAN_DATA", "envdata");
        token(cwd.resolve("flagdata"), "from-flag-data");
        token(cwd.resolve("envdata"), "from-env-data");
        token(cwd.resolve(".cluman"), "from-cwd");

        assertThat(discovery().find(null, Path.of("flagdata"))).contains("from-flag-data");
        assertThat(discovery().find(null, null)).contains("from-env-data");
    }

    @Test
    void theWorkingDirectoryWinsOverHome() throws IOException {
        token(cwd.resolve(".cluman"), "from-cwd");
        token(home.resolve(".cluman"), "from-home");

        assertThat(discovery().find(null, null)).contains("from-cwd");
    }

    @Test
    void homeIsTheLastResort() throws IOException {
        token(home.resolve(".cluman"), "from-home");

        assertThat(discovery().find(null, Path.of("missing"))).contains("from-home");
    }

    @Test
    void noTokenAnywhereIsEmpty() {
        assertThat(discovery().find(" ", null)).isEmpty();
    }

    @Test
    void relativeDataDirectoriesAreResolvedFromTheWorkingDirectory() {
        assertThat(discovery().candidates(Path.of("d"))).containsExactly(
                cwd.resolve("d/admin.token"), cwd.resolve(".cluman/admin.token"), home.resolve(".cluman/admin.token"));
    }
}
