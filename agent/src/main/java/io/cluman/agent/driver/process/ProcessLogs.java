package io.cluman.agent.driver.process;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A process task's output as lines: the last lines of {@code stdout.log}, then those of
 * {@code stderr.log} (the two are separate files, so their relative order is not known); when
 * following, new lines of either as they are written, until the task's exit code is recorded and both
 * files are read to their end.
 */
final class ProcessLogs {
    private static final Duration POLL = Duration.ofMillis(200);

    private ProcessLogs() {
    }

    static void stream(TaskDir dir, int keep, int tail, boolean follow, Consumer<String> line,
                       BooleanSupplier cancelled) {
        List<Path> logs = List.of(dir.file(TaskDir.STDOUT), dir.file(TaskDir.STDERR));
        long[] offsets = new long[logs.size()];
        try {
            for (int i = 0; i < logs.size(); i++) {
                offsets[i] = LogFiles.tail(logs.get(i), keep, tail, line, !follow);
            }
            if (follow) {
                follow(dir, logs, offsets, line, cancelled);
            }
        } catch (IOException e) {
            if (!Files.isDirectory(dir.path())) {
                throw new DriverException(Reason.NOT_FOUND, "task " + dir.path().getFileName() + " is gone", e);
            }
            throw new DriverException(Reason.ENGINE_ERROR, "cannot read the logs of task " + dir.path().getFileName()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void follow(TaskDir dir, List<Path> logs, long[] offsets, Consumer<String> line,
                               BooleanSupplier cancelled) throws IOException, InterruptedException {
        try (DirWatch watch = DirWatch.on(dir.path())) {
            while (!cancelled.getAsBoolean()) {
                // read the exit code first: lines written before it are then surely on disk
                boolean ended = dir.exitCode().isPresent() || !Files.isDirectory(dir.path());
                for (int i = 0; i < logs.size(); i++) {
                    Path log = logs.get(i);
                    long size = Files.exists(log) ? Files.size(log) : 0;
                    if (size < offsets[i]) {
                        offsets[i] = 0; // rotated (truncated) since the last read
                    }
                    offsets[i] = LogFiles.readLines(log, offsets[i], size, line, ended);
                }
                if (ended) {
                    return;
                }
                watch.awaitChange(POLL);
            }
        }
    }
}
