package io.cluman.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real agent in its own JVM ({@code cluman agent ...} from this test's classpath), so that killing it
 * is a real {@code kill -9}: no goodbye reaches the server.
 */
final class AgentProcess implements AutoCloseable {
    private final Process process;

    private AgentProcess(Process process) {
        this.process = process;
    }

    /**
     * Ends a test's agents and every replica process it saw, and keeps the agents' logs
     * ({@code dir/agent-<i>.log}) as {@code target/<prefix>-agent-<i>.log} for a failed run.
     */
    static void cleanUp(List<AgentProcess> agents, Set<Long> pids, Path dir, String prefix) throws IOException {
        agents.forEach(AgentProcess::close);
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        for (int i = 0; i < agents.size(); i++) {
            Path log = dir.resolve("agent-" + i + ".log");
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", prefix + "-agent-" + i + ".log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static AgentProcess start(String serverUrl, String joinToken, Path dataDir, String name, Path log) {
        return start(serverUrl, joinToken, dataDir, name, log, List.of());
    }

    /** An agent JVM with {@code options} after the usual ones (e.g. {@code --stats-interval 1s}). */
    static AgentProcess start(String serverUrl, String joinToken, Path dataDir, String name, Path log,
                              List<String> options) {
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
        command.addAll(options);
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
