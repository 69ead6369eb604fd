package io.cluman.store.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-member etcd server on loopback for tests: free ports, a temporary data directory, started
 * from the {@code etcd} binary (Debian's {@code etcd-server}) and stopped by its PID.
 *
 * <pre>{@code
 * try (EtcdProcess etcd = EtcdProcess.start()) {
 *     KvStore store = new EtcdKvStore(List.of(etcd.endpoint()));
 * }
 * }</pre>
 *
 * <p>When no {@code etcd} binary is found the test is skipped ({@link Assumptions#abort}), except in CI
 * ({@code CI=true}), where a missing component is a failure. Output goes to {@code etcd.log} in the
 * data directory's parent, which is deleted on {@link #close()}.
 */
public final class EtcdProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final Path workDir;
    private final String endpoint;

    private EtcdProcess(Process process, Path workDir, String endpoint) {
        this.process = process;
        this.workDir = workDir;
        this.endpoint = endpoint;
    }

    /** Starts etcd and returns once it reports healthy. */
    public static EtcdProcess start() {
        Path binary = findBinary().orElseGet(EtcdProcess::missing);
        IllegalStateException failure = new IllegalStateException("etcd did not start after " + ATTEMPTS + " attempts");
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return startOnce(binary); // a port picked as free can be taken meanwhile: try again
            } catch (IOException | IllegalStateException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    /** The client URL, {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return endpoint;
    }

    /** The PID of the etcd process (for fault-injection tests that stop or kill it). */
    public long pid() {
        return process.pid();
    }

    /** Stops etcd (SIGTERM, then SIGKILL after 10 s) and deletes its data. */
    @Override
    public void close() {
        try {
            stop(process);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static EtcdProcess startOnce(Path binary) throws IOException {
        int clientPort = freePort();
        int peerPort = freePort();
        Path workDir = Files.createTempDirectory("cluman-etcd-");
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        List<String> command = List.of(binary.toString(), "--name", "default",
                "--data-dir", workDir.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "default=" + peer);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("etcd.log").toFile())
                .start();
        try {
            awaitHealthy(process, client, workDir);
            return new EtcdProcess(process, workDir, client);
        } catch (RuntimeException e) {
            stop(process);
            deleteRecursively(workDir);
            throw e;
        }
    }

    private static void awaitHealthy(Process process, String client, Path workDir) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(client + "/health")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("etcd exited with " + process.exitValue() + ":\n" + logTail(workDir));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"true\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting etcd", e);
            }
            pause();
        }
        throw new IllegalStateException("etcd at " + client + " not healthy within " + STARTUP + ":\n" + logTail(workDir));
    }

    /** Polling pause while a child process starts; there is no event to wait for. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting etcd", e);
        }
    }

    private static Optional<Path> findBinary() {
        List<Path> candidates = new ArrayList<>();
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "etcd"));
            }
        }
        candidates.add(Path.of("/usr/bin/etcd"));
        candidates.add(Path.of("/usr/local/bin/etcd"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static Path missing() {
        String message = "no etcd binary on PATH or in /usr/bin (install Debian's etcd-server)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String logTail(Path workDir) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("etcd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
