package io.cluman.agent.driver.process;

import static org.awaitility.Awaitility.await;

import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An agent in a JVM of its own, for tests of what outlives it: starts one process task, prints its
 * runtime id, then either exits ({@code exit}: the agent stops) or waits to be killed ({@code hang}).
 *
 * <p>Arguments: data dir, node id, alloc id, {@code exit|hang}, then the task's command.
 */
public final class AgentProcess {
    private AgentProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ContainerSpec spec = new ContainerSpec("survivor", DriverName.PROCESS, "",
                List.of(args).subList(4, args.length), List.of(), Map.of(), List.of(), Map.of(), 0, 0, "no", "");
        ProcessDriver driver = new ProcessDriver(Path.of(args[0]), InstantSource.system());
        TaskHandle handle = driver.start(new TaskRequest(args[2], args[1], spec, null));
        System.out.println("started " + handle.runtimeId());
        System.out.flush();
        if ("exit".equals(args[3])) {
            driver.close();
            System.exit(0);
        }
        TimeUnit.MINUTES.sleep(5);
    }

    /** Runs an agent JVM with the test class path; returns it once its task started. */
    static Process launch(Path data, String node, String alloc, String mode, List<String> command) throws IOException {
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(javaBinary, "-cp", System.getProperty("java.class.path"),
                AgentProcess.class.getName(), data.toString(), node, alloc, mode));
        argv.addAll(command);
        Path out = Files.createTempFile("agent-", ".out");
        Process agent = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(out).contains("started ") || !agent.isAlive());
        String said = Files.readString(out);
        Files.deleteIfExists(out);
        if (!said.contains("started ")) {
            throw new IllegalStateException("the agent JVM did not start its task: " + said);
        }
        return agent;
    }
}
