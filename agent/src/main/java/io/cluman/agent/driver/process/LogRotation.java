package io.cluman.agent.driver.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the logs of every task under the tasks dir every period, on one virtual thread, from
 * {@link #start()} (idempotent) until {@link #close()}.
 */
final class LogRotation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogRotation.class);

    private final Path tasks;
    private final long maxBytes;
    private final int keep;
    private final Duration period;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("process-log-rotation").factory());
    private final AtomicBoolean started = new AtomicBoolean();

    LogRotation(Path tasks, long maxBytes, int keep, Duration period) {
        this.tasks = tasks;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.period = period;
    }

    void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.scheduleWithFixedDelay(this::rotateAll, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Rotates every task log past the size limit now. Never throws: trouble is logged. */
    void rotateAll() {
        if (!Files.isDirectory(tasks)) {
            return;
        }
        List<Path> dirs;
        try (var list = Files.list(tasks)) {
            dirs = list.toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("listing the task dirs in {}: {}", tasks, e.toString());
            return;
        }
        for (Path dir : dirs) {
            for (String log : List.of(TaskDir.STDOUT, TaskDir.STDERR)) {
                try {
                    LogFiles.rotateIfLarger(dir.resolve(log), maxBytes, keep);
                } catch (IOException | UncheckedIOException e) {
                    // a task destroyed meanwhile, most likely
                    LOG.debug("rotating {}: {}", dir.resolve(log), e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
