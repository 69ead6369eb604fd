package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Docker Engine for tests: Debian's {@code dockerd} in a temporary dir, with the flags that work
 * on these machines (no iptables, no bridge, vfs storage), its own socket, and the {@code busybox:local}
 * image imported by {@code scripts/docker-image.sh}. Start one per test class; several may run at once.
 *
 * <pre>{@code
 * static DockerdProcess engine;
 * @BeforeAll static void startEngine() { engine = DockerdProcess.start(); }
 * @AfterAll static void stopEngine() { engine.close(); }
 * ... new DockerDriver(engine.socket()) ... engine.client() ...
 * }</pre>
 *
 * When {@code dockerd}, the {@code docker} CLI or a static busybox is missing the calling test is
 * skipped (JUnit assumption), unless {@code CI=true}: then it fails. Self-contained (JDK, docker-java,
 * JUnit) so other modules' tests can copy or share it.
 */
public final class DockerdProcess implements AutoCloseable {
    /** The image every engine has: busybox with sh, sleep, echo, httpd, wget, ... */
    public static final String IMAGE = "busybox:local";
    private static final Duration READY_WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final String PATH = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";

    private final Path dir;
    private final Path binary;
    private volatile Process dockerd;
    private final DockerClient client;

    private DockerdProcess(Path dir, Path binary, Process dockerd, DockerClient client) {
        this.dir = dir;
        this.binary = binary;
        this.dockerd = dockerd;
        this.client = client;
    }

    /** Starts an engine, waits until it answers, imports {@link #IMAGE}. Takes about a second. */
    public static DockerdProcess start() {
        Path dockerdBinary = require("dockerd", "docker.io");
        require("docker", "docker.io");
        Path script = imageScript();
        Path dir;
        try {
            // unix socket paths must stay under 108 bytes: a short dir right under /tmp
            dir = Files.createTempDirectory(Path.of("/tmp"), "clmd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process dockerd = launch(dockerdBinary, dir);
        DockerdProcess engine = new DockerdProcess(dir, dockerdBinary, dockerd, client(dir.resolve("sock")));
        try {
            engine.awaitReady();
            engine.run(List.of("bash", script.toString(), "import", IMAGE));
            return engine;
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
    }

    private static Process launch(Path binary, Path dir) {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--iptables=false", "--bridge=none",
                "--storage-driver=vfs", "--shutdown-timeout=2", "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("pid").toString(),
                "-H", "unix://" + dir.resolve("sock"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()));
        builder.environment().put("PATH", PATH);
        builder.environment().remove("DOCKER_HOST");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    private static DockerClient client(Path socket) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + socket).withDockerTlsVerify(false).build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5)).build());
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (true) {
            if (!dockerd.isAlive()) {
                throw new IllegalStateException("dockerd ended with code " + dockerd.exitValue() + ": " + logTail());
            }
            if (Files.exists(socket())) {
                try {
                    client.pingCmd().exec();
                    return;
                } catch (RuntimeException e) {
                    // not serving yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dockerd did not answer within " + READY_WAIT.toSeconds() + " s: "
                        + logTail());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dockerd was starting", e);
            }
        }
    }

    /**
     * Stops dockerd by its pid as a host's shutdown would (SIGTERM: it stops its containers, giving each 2 s)
     * and waits until it has ended; the containers stay, stopped. {@link #startAgain()} brings it back.
     */
    public void stopEngine() {
        stop(dockerd);
    }

    /** Starts dockerd again on the same data, socket and containers, and waits until it answers. */
    public void startAgain() {
        dockerd = launch(binary, dir);
        awaitReady();
    }

    /** The engine's socket. */
    public Path socket() {
        return dir.resolve("sock");
    }

    /** {@code unix://<socket>}, for DOCKER_HOST. */
    public String dockerHost() {
        return "unix://" + socket();
    }

    /** This JVM's environment with DOCKER_HOST set to this engine: what an agent of a test is given. */
    public Map<String, String> agentEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_HOST", dockerHost());
        return env;
    }

    /** A docker-java client of this engine (closed with it). */
    public DockerClient client() {
        return client;
    }

    /** Runs a command with DOCKER_HOST set to this engine; fails with its output when it fails. */
    public String run(List<String> command) {
        try {
            Path out = Files.createTempFile(dir, "cmd-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("DOCKER_HOST", dockerHost());
            builder.environment().put("PATH", PATH);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within 60 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes every container (fast: SIGKILL, instead of dockerd's 10 s stop at shutdown), stops dockerd
     * by its pid (SIGTERM, then SIGKILL after 20 s) and deletes the dir (vfs layers included).
     */
    @Override
    public void close() {
        try {
            if (dockerd.isAlive()) {
                for (Container c : client.listContainersCmd().withShowAll(true).exec()) {
                    client.removeContainerCmd(c.getId()).withForce(true).exec();
                }
            }
        } catch (RuntimeException e) {
            // the engine is going anyway
        }
        try {
            client.close();
        } catch (IOException e) {
            // nothing to release
        }
        stop(dockerd);
        unmountUnder(dir);
        try {
            new ProcessBuilder("rm", "-rf", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        process.destroy(); // SIGTERM
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Lazily unmounts what dockerd left mounted under {@code dir} (a shm of a container it lost). */
    private static void unmountUnder(Path dir) {
        try {
            List<String> mounts = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4 && fields[4].startsWith(dir.toString() + "/")) {
                    mounts.add(fields[4]);
                }
            }
            for (String mount : mounts.reversed()) {
                new ProcessBuilder("umount", "-l", mount).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            // nothing mounted, or nothing to do about it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The binary on PATH (sbin dirs included); skips or fails the test when it is missing. */
    private static Path require(String binary, String debianPackage) {
        Optional<Path> found = onPath(binary);
        if (found.isEmpty()) {
            missing(binary + " is not installed (apt-get install " + debianPackage + ")");
        }
        return found.orElseThrow();
    }

    private static Optional<Path> onPath(String binary) {
        for (String entry : PATH.split(":")) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code scripts/docker-image.sh}, looked for from the working dir upwards (module or repo root). */
    private static Path imageScript() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path script = at.resolve("scripts/docker-image.sh");
            if (Files.isRegularFile(script)) {
                if (!hasStaticBusybox()) {
                    missing("a static busybox is not installed (apt-get install busybox-static)");
                }
                return script;
            }
        }
        throw new IllegalStateException("scripts/docker-image.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean hasStaticBusybox() {
        return Files.isExecutable(Path.of("/bin/busybox")) || onPath("busybox").isPresent();
    }

    private static void missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + why);
        }
        Assumptions.abort(why + ": skipping the tests that need a Docker Engine");
    }
}
