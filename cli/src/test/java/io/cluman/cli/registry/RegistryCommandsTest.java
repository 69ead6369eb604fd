package io.cluman.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.cli.FakeServer;
import io.cluman.cli.Main;
import io.cluman.cli.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cluman registry add | ls | rm} against a {@link FakeServer}: what they send and print. */
class RegistryCommandsTest {
    private static final String HUB = "{\"name\":\"docker.io\",\"url\":\"https://index.docker.io\",\"host\":\"docker.io\","
            + "\"username\":\"\",\"hasPassword\":false,\"builtIn\":true,\"revision\":0}";
    private static final String LOCAL = "{\"name\":\"local\",\"url\":\"127.0.0.1:5000\",\"host\":\"127.0.0.1:5000\","
            + "\"username\":\"ci\",\"hasPassword\":true,\"builtIn\":false,\"revision\":7}";

    private FakeServer server;
    private final InputStream stdin = System.in;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        System.setIn(stdin);
        server.close();
    }

    private Run run(String... args) {
        return Run.against(server.url(), args);
    }

    @Test
    void addReadsThePasswordFromStdinAndNeverPrintsIt() {
        server.on("POST /v1/registries", 201, LOCAL);
        System.setIn(new ByteArrayInputStream("pa55 word\n".getBytes(StandardCharsets.UTF_8)));

        Run run = run("registry", "add", "local", "127.0.0.1:5000", "--username", "ci", "--password-stdin");

        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).body()).contains("\"name\":\"local\"", "\"url\":\"127.0.0.1:5000\"",
                "\"username\":\"ci\"", "\"password\":\"pa55 word\"");
        assertThat(run.out()).contains("added registry local for 127.0.0.1:5000 with user ci")
                .doesNotContain("pa55");
    }

    @Test
    void addRefusesAUsernameWithoutPasswordStdinBeforeCallingTheServer() {
        Run run = run("registry", "add", "local", "127.0.0.1:5000", "--username", "ci");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--password-stdin");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void addRefusesAnEmptyStdin() {
        System.setIn(new ByteArrayInputStream(new byte[0]));

        Run run = run("registry", "add", "local", "127.0.0.1:5000", "--username", "ci", "--password-stdin");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void lsPrintsATableWithoutPasswordsOrJson() {
        server.on("GET /v1/registries", 200, "[" + HUB + "," + LOCAL + "]");

        Run table = run("registry", "ls");
        Run json = run("registry", "ls", "-o", "json");

        assertThat(table.out().lines().toList()).containsExactly(
                "NAME       HOST            USERNAME  PASSWORD  BUILT-IN",
                "docker.io  docker.io       -         no        yes",
                "local      127.0.0.1:5000  ci        yes       no");
        assertThat(json.out()).startsWith("[").contains("\"hasPassword\" : true").doesNotContain("\"password\"");
    }

    @Test
    void rmDeletesByName() {
        server.on("DELETE /v1/registries/local", 204, "");

        Run run = run("registry", "rm", "local");

        assertThat(run.code()).isEqualTo(Main.OK);
        assertThat(server.requests.get(0).method()).isEqualTo("DELETE");
        assertThat(run.out()).contains("removed registry local");
    }

    @Test
    void theServerRefusesASecretKeyFileThatDoesNotExist() {
        Run run = Run.of("server", "--secret-key-file", "/nonexistent/cluman.key", "--port", "0");

        assertThat(run.code()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--secret-key-file /nonexistent/cluman.key does not exist",
                "head -c 32 /dev/urandom");
    }

    @Test
    void registryIsACommandOfCluman() {
        assertThat(Run.of("--help").out()).contains("registry");
        assertThat(Run.of("registry", "--help").out()).contains("add", "ls", "rm");
    }
}
