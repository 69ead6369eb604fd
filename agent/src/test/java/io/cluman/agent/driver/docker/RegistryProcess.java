package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private image registry for tests: Debian's {@code docker-registry} (distribution 2.8) on a loopback
 * port, storing in a temp dir, with one htpasswd user. A Docker Engine treats loopback registries as
 * insecure-allowed, so plain HTTP works. Skips the test when the package is missing (fails with
 * {@code CI=true}).
 */
public final class RegistryProcess implements AutoCloseable {
    private static final Duration READY_WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final Process registry;
    private final int port;

    private RegistryProcess(Path dir, Process registry, int port) {
        this.dir = dir;
        this.registry = registry;
        this.port = port;
    }

    public static RegistryProcess start(String user, String password) {
        Path binary = Path.of("/usr/bin/docker-registry");
        if (!Files.isExecutable(binary)) {
            String why = "docker-registry is not installed (apt-get install docker-registry)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + why);
            }
            Assumptions.abort(why);
        }
        try {
            Path dir = Files.createTempDirectory("clmreg-");
            int port = freePort();
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Files.writeString(dir.resolve("htpasswd"),
                    user + ":" + OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, 5) + "\n");
            Files.writeString(dir.resolve("config.yml"), String.join("\n",
                    "version: 0.1",
                    "log: {level: warn}",
                    "storage: {filesystem: {rootdirectory: " + dir.resolve("data") + "}}",
                    "http: {addr: 127.0.0.1:" + port + "}",
                    "auth: {htpasswd: {realm: cluman-test, path: " + dir.resolve("htpasswd") + "}}", ""));
            Process registry = new ProcessBuilder(binary.toString(), "serve", dir.resolve("config.yml").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            RegistryProcess started = new RegistryProcess(dir, registry, port);
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:port}, the registry part of image names. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline && registry.isAlive()) {
            try {
                HttpURLConnection http = (HttpURLConnection) URI.create("http://" + address() + "/v2/").toURL()
                        .openConnection();
                http.setConnectTimeout(500);
                if (http.getResponseCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("docker-registry did not answer on " + address() + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("registry.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * Pushes {@code image} from {@code engine} to this registry as {@code <address>/<path>:<tag>} with the given
     * login, then removes that name from the engine (so a container of it must be pulled); returns the name.
     */
    public String push(DockerdProcess engine, String image, String path, String tag, String user, String password)
            throws InterruptedException {
        String repository = address() + "/" + path;
        engine.client().tagImageCmd(image, repository, tag).exec();
        engine.client().pushImageCmd(repository).withTag(tag)
                .withAuthConfig(new AuthConfig().withUsername(user).withPassword(password)
                        .withRegistryAddress(address()))
                .start().awaitCompletion(60, TimeUnit.SECONDS);
        String pushed = repository + ":" + tag;
        engine.client().removeImageCmd(pushed).exec();
        return pushed;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        registry.destroy();
        try {
            if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                registry.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
