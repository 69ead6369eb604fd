package io.cluman.agent.driver.process;


import io.cluman.agent.driver.DriverContract;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The driver contract against the process driver, with its data dir in a temp dir. */
class ProcessDriverTest extends DriverContract {
    @TempDir
    Path data;

    @Override
    protected TaskDriver newDriver() {
        return new ProcessDriver(data, InstantSource.system());
    }

    @Override
    protected ContainerSpec spec(String name, List<String> command, List<String> args, Map<String, String> env,
                                 List<String> ports) {
        return specOf(name, DriverName.PROCESS, "", command, args, env, ports, Map.of(), 0, 0);
    }

    @Override
    protected void release(TaskHandle handle) {
        try {
            Files.writeString(go(handle), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void removeReleaseFiles() throws IOException {
        try (var files = Files.list(Path.of("/tmp"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("go-a" + ProcessHandle.current()
                    .pid() + "-")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Path go(TaskHandle handle) {
        return Path.of("/tmp/go-" + handle.allocId());
    }

}
