package io.cluman.agent.driver.process;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for something to change in a task dir (a file created, written or renamed in), with inotify
 * through {@link WatchService}. Each wait is also bounded, so callers re-check their condition at least
 * that often: a process dying without writing anything produces no event.
 */
final class DirWatch implements AutoCloseable {
    private final WatchService watcher;

    private DirWatch(WatchService watcher) {
        this.watcher = watcher;
    }

    /** A watch on {@code dir}; when the dir cannot be watched, waits are plain bounded waits. */
    static DirWatch on(Path dir) {
        try {
            WatchService watcher = dir.getFileSystem().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return new DirWatch(watcher);
        } catch (IOException e) {
            return new DirWatch(null);
        }
    }

    /**
     * Returns after a change in the dir, or after {@code max}.
     *
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    void awaitChange(Duration max) throws InterruptedException {
        long millis = Math.max(1, max.toMillis());
        if (watcher == null) {
            TimeUnit.MILLISECONDS.sleep(millis);
            return;
        }
        try {
            WatchKey key = watcher.poll(millis, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }
}
