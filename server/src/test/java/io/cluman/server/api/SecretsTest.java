package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.server.options.ConfigGitSettings;
import io.cluman.server.options.ConfigRepoFixture;
import io.cluman.model.api.RegistryRequest;
import io.cluman.model.api.TokenRequest;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No secret value (admin token, a created token, the standing join token, a made join token, a node's
 * local API key, a registry password, the git repository's password) shows in API answers, the server's
 * log, the events, or the files of the data dir, after a session that makes, uses and mistypes all of them.
 */
class SecretsTest {
    private static final String PASSWORD = "Regi5try-Pa55word-7f3c";
    private static final String GIT_PASSWORD = "G1t-Pa55word-93ab";
    /** The files whose whole point is to hold a secret for the operator (mode 0600). */
    private static final Set<String> SECRET_FILES = Set.of("admin.token", "join.token", "secret.key");

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<String> answers = new ArrayList<>();
    private TestServer server;
    private ConfigRepoFixture repo;

    @BeforeEach
    void start() {
        log.start();
        root().addAppender(log);
        repo = ConfigRepoFixture.init(dir.resolveSibling(dir.getFileName() + "-repo"));
        repo.commit("all/busybox.yml", "env:\n  A: '1'\n");
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofSeconds(3))
                .withConfigGit(new ConfigGitSettings(repo.url(), "ci", GIT_PASSWORD, null, null)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        repo.close();
        root().detachAppender(log);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** A request whose answer must hold no secret. */
    private void fetch(String method, String path, String body, String token) {
        answers.add(method + " " + path + " -> " + server.send(method, path, body, token).body());
    }

    @Test
    void noSecretInAnswersLogsEventsOrStoreFiles() throws IOException {
        String admin = server.wiring().adminToken();
        String join = server.wiring().joinToken();
        ClumanClient adminClient = server.admin();
        // the one answer that carries a secret by design: the created token's value, shown once
        String created = adminClient.createToken(new TokenRequest("ci", "operator", "1h")).token();
        adminClient.addRegistry(new RegistryRequest("local", "http://127.0.0.1:5000", "ci", PASSWORD));
        String node = FakeAgents.join(server.agent(), "web-1", Map.of());
        // a join token made by an admin, spent by a node; the node's local API key comes with its join answer
        String joinToken = adminClient.createJoinToken(new JoinTokenRequest("1h", 1, "one node")).token();
        String localApiKey = FakeAgents.join(ClumanClient.connect(server.wiring().url(), joinToken),
                new JoinRequest(null, "web-2", Map.of(), FakeAgents.facts("web-2"))).localApiKey();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.send("GET", "/v1/nodes", null, created).statusCode() == 200);

        fetch("GET", "/v1/tokens", null, admin);
        fetch("GET", "/v1/tokens/join", null, admin);
        fetch("GET", "/v1/nodes", null, admin);
        fetch("GET", "/v1/containers/defaults?image=busybox", null, admin);
        fetch("POST", "/v1/agent/join", "{\"facts\":{}}", joinToken);
        fetch("GET", "/v1/registries", null, admin);
        fetch("GET", "/v1/registries/local", null, created);
        fetch("GET", "/v1/nodes/" + node, null, created);
        fetch("POST", "/v1/registries", "{\"name\":\"Bad Name\",\"url\":\"x:1\",\"username\":\"u\",\"password\":\""
                + PASSWORD + "\"}", admin);
        fetch("POST", "/v1/registries", "{\"name\":\"other\",\"url\":\"x:1\",\"username\":\"u\",\"password\":\""
                + PASSWORD + "\",\"oops\":1}", admin);
        fetch("POST", "/v1/tokens", "{\"name\":\"ci\",\"role\":\"viewer\"}", admin);
        fetch("GET", "/v1/nodes", null, created + "x");
        fetch("GET", "/v1/nodes", null, join.substring(1));
        fetch("GET", "/v1/tokens", null, join);
        fetch("POST", "/v1/clusters", "{\"name\":\"prod\"}", created);
        fetch("DELETE", "/v1/tokens/ci", null, admin);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> server.send("GET", "/v1/nodes", null, created).statusCode() == 401);
        fetch("GET", "/v1/nodes", null, created);
        fetch("GET", "/v1/events?limit=1000", null, admin);
        fetch("GET", "/v1/events?topic=audit&limit=1000", null, admin);
        fetch("GET", "/v1/events?topic=bus.cluman.errors&limit=1000", null, admin);
        assertThat(answers.get(answers.size() - 2)).as("the audit trail was fetched").contains("/v1/tokens");

        List<String> secrets = List.of(admin, join, created, PASSWORD, joinToken, localApiKey, GIT_PASSWORD);
        for (String secret : secrets) {
            assertThat(answers).as("API answers").noneMatch(a -> a.contains(secret));
            assertThat(logLines()).as("log lines").isNotEmpty().noneMatch(line -> line.contains(secret));
        }
        server.close();
        server = null;
        assertNotInFiles(secrets);
    }

    private List<String> logLines() {
        return log.list.stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    /** Greps the bytes of every file of the data dir (the embedded store's included) for each secret. */
    private void assertNotInFiles(List<String> secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile)
                    .filter(f -> !SECRET_FILES.contains(f.getFileName().toString())).toList();
        }
        assertThat(files).as("the store wrote files").isNotEmpty();
        for (Path file : files) {
            // one char per byte: the secrets are ASCII, so a stored copy shows as the same characters
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(bytes.contains(secret)).as("%s holds a secret", file).isFalse();
            }
        }
    }
}
