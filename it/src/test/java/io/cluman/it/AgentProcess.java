package io.cluman.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real agent in its own JVM ({@code cluman agent ...} from this test's classpath), so that killing it
 * is a real {@code kill -9}: no goodbye reaches the server.
 */
final class AgentProcess implements AutoCloseable {
    private final Process process;

    private AgentProcess(Process process) {
        this.process = process;
    }

    static AgentProcess start(String serverUrl, String joinToken, Path dataDir, String name, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.cluman.cli.Main");
        command.addAll(List.of("agent", "--join", serverUrl, "--token", joinToken, "--data", dataDir.toString(),
                "--name", name, "--api-bind", "127.0.0.1", "--api-port", "0"));
        try {
            return new AgentProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an agent JVM", e);
        }
    }

    /** SIGKILL, and wait for the process to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        kill();
    }
}
