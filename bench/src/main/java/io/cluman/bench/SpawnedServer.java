package io.cluman.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A server in a child JVM ({@link BenchServerMain}) started with this JVM's class path, so its CPU
 * and memory can be read from {@code /proc/PID} apart from the bench's own. Its output and GC log go
 * to {@code cluman-bench-server-PID.log} and {@code ...-gc.log} in the temporary directory, kept
 * after the run (a temporary data dir is deleted unless {@code --keep-data}). Closing ends its
 * standard input (it then stops) and waits for it.
 */
final class SpawnedServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path dataDir;
    private final boolean deleteData;
    private final String url;
    private final List<String> command;
    private final Path log;
    private final Path gcLog;

    private SpawnedServer(Process process, Path dataDir, boolean deleteData, String url, List<String> command,
                          Path log, Path gcLog) {
        this.process = process;
        this.dataDir = dataDir;
        this.deleteData = deleteData;
        this.url = url;
        this.command = command;
        this.log = log;
        this.gcLog = gcLog;
    }

    /** Starts the server and waits until it listens. */
    static SpawnedServer start(BenchOptions options) throws IOException, InterruptedException {
        boolean temporary = options.dataDir().isEmpty();
        Path data = temporary ? Files.createTempDirectory("cluman-bench-") : options.dataDir().get();
        Files.createDirectories(data);
        Files.deleteIfExists(data.resolve(BenchServerMain.URL_FILE));
        String stem = "cluman-bench-server-" + ProcessHandle.current().pid();
        Path log = Path.of(System.getProperty("java.io.tmpdir"), stem + ".log");
        Path gcLog = Path.of(System.getProperty("java.io.tmpdir"), stem + "-gc.log");
        List<String> command = command(options, data, gcLog);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String url = awaitUrl(process, data, log);
        return new SpawnedServer(process, data, temporary && !options.keepData(), url, command, log, gcLog);
    }

    private static List<String> command(BenchOptions options, Path data, Path gcLog) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Xmx" + options.serverHeap(), "-XX:+UseZGC", "-Xlog:gc:file=" + gcLog)); // ZGC: as ./cluman server
        cmd.addAll(options.serverJvmArgs());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServerMain.class.getName(),
                "--data", data.toString(), "--port", Integer.toString(options.port())));
        cmd.addAll(options.jetty().arguments());
        return cmd;
    }

    private static String awaitUrl(Process process, Path data, Path log) throws IOException, InterruptedException {
        Path urlFile = data.resolve(BenchServerMain.URL_FILE);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(urlFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not listen within " + START_TIMEOUT);
            }
            Thread.sleep(50);
        }
        return Files.readString(urlFile).strip();
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    Path dataDir() {
        return dataDir;
    }

    /** Where the server's output goes (its GC log is beside it). */
    Path log() {
        return log;
    }

    Path gcLog() {
        return gcLog;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The server JVM's command line, for the report (the class path shortened). */
    String commandLine() {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp");
        if (cp >= 0) {
            shown.set(cp + 1, "<bench class path>");
        }
        return String.join(" ", shown);
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (deleteData) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
