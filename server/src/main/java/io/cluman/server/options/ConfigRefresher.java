package io.cluman.server.options;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the configuration repository fresh: one fetch at {@link #start()} (so the first containers already
 * get the defaults), then one every {@link ConfigGitSettings#refresh()} on a virtual thread until closed.
 */
public final class ConfigRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigRefresher.class);

    private final ConfigRepository repository;
    private volatile Thread thread;

    public ConfigRefresher(ConfigRepository repository) {
        this.repository = repository;
    }

    public void start() {
        repository.refresh();
        Duration every = repository.settings().refresh();
        thread = Thread.ofVirtual().name("config-git-refresh").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                repository.refresh();
            }
        });
        LOG.info("config repository {} refreshed every {}", repository.settings().url(), every);
    }

    @Override
    public void close() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }
}
