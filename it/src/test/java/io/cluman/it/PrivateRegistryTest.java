package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.driver.docker.DockerdProcess;
import io.cluman.agent.driver.docker.RegistryProcess;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.RegistryRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import io.cluman.store.repo.KeySpace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers pulled from private registries with the credentials kept by the server: a real server, an
 * agent driving a real dockerd, and two htpasswd docker-registry processes, one added with the right
 * password and one with a wrong one.
 */
class PrivateRegistryTest {
    private static final String PASSWORD = "s3cret-pull";
    private static final String WRONG = "not-the-password";

    @TempDir
    Path dir;
    DockerdProcess engine;
    RegistryProcess good;
    RegistryProcess refusing;
    ServerWiring server;
    AgentWiring agent;

    @AfterEach
    void stop() {
        for (AutoCloseable part : new AutoCloseable[] {agent, server, refusing, good, engine}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Test
    void pullsWithTheRegistrysCredentialsAndExplainsARefusedOne() throws InterruptedException {
        engine = DockerdProcess.start();
        good = RegistryProcess.start("ci", PASSWORD);
        refusing = RegistryProcess.start("ci", PASSWORD);
        String image = push(good, "1");
        String refused = push(refusing, "2");
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true),
                InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        agent = startAgent();
        String node = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.nodes(
                Map.of("state", "ACTIVE")), nodes -> nodes.size() == 1).get(0).id();
        admin.addRegistry(new RegistryRequest("local", good.address(), "ci", PASSWORD));
        admin.addRegistry(new RegistryRequest("wrong", "http://" + refusing.address(), "ci", WRONG));

        admin.createContainer(sleeper("pulled", image, node));

        await().atMost(Duration.ofSeconds(90)).until(() -> admin.container("pulled").status(),
                s -> s == TaskState.RUNNING);
        assertThat(engine.client().inspectImageCmd(image).exec().getId()).isNotBlank();

        admin.createContainer(sleeper("refused", refused, node));

        ContainerView failed = await().atMost(Duration.ofSeconds(90)).until(() -> admin.container("refused"),
                c -> c.status() == TaskState.FAILED);
        assertThat(failed.lastError()).isEqualTo("pull of " + refused
                + " failed: unauthorized: check the credentials of registry 'wrong'");
        List<Event> errors = await().atMost(Duration.ofSeconds(10)).until(() -> admin.events(Map.of("topic",
                "bus.cluman.log.registry", "severity", "ERROR")), list -> !list.isEmpty());
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.ERROR);
            assertThat(e.message()).contains(failed.lastError());
            assertThat(e.attributes()).containsEntry("registry", "wrong");
        });
        assertThat(storedText()).contains("\"name\":\"local\"").doesNotContain(PASSWORD).doesNotContain(WRONG);
        assertThat(filesContaining(dir.resolve("server"), PASSWORD)).as("server files holding the password").isEmpty();
        assertThat(filesContaining(dir.resolve("server"), WRONG)).isEmpty();
    }

    /** Files under {@code root} whose bytes contain {@code secret} (the embedded store's log included). */
    private static List<Path> filesContaining(Path root, String secret) {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (var files = java.nio.file.Files.walk(root)) {
            return files.filter(java.nio.file.Files::isRegularFile).filter(f -> {
                try {
                    String text = new String(java.nio.file.Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    return text.contains(new String(needle, StandardCharsets.ISO_8859_1));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pushes busybox:local to {@code registry} as cluman/busybox:TAG, then drops it from the engine. */
    private String push(RegistryProcess registry, String tag) throws InterruptedException {
        return registry.push(engine, DockerdProcess.IMAGE, "cluman/busybox", tag, "ci", PASSWORD);
    }

    private AgentWiring startAgent() {
        AgentWiring wiring = new AgentWiring(new AgentConfig(server.url(), server.joinToken(), dir.resolve("agent"),
                "worker", Map.of()), InstantSource.system(), engine.agentEnvironment());
        wiring.start();
        return wiring;
    }

    private static ContainerRequest sleeper(String name, String image, String node) {
        return new ContainerRequest(name, DriverName.DOCKER, image, null, List.of("sleep", "300"), node, null, null,
                null, null, null, "no", null);
    }

    /** Everything the server stored, as text. */
    private String storedText() {
        StringBuilder all = new StringBuilder();
        server.store().range(KeySpace.ROOT).kvs()
                .forEach(kv -> all.append(new String(kv.value(), StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }
}
