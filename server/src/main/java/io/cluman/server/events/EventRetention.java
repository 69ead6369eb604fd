package io.cluman.server.events;

import io.cluman.server.leader.Controller;
import io.cluman.store.StoreException;
import io.cluman.store.repo.EventLog;
import io.cluman.store.repo.KeySpace;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Leader-only: keeps the persisted event history and error history bounded by deleting the oldest. */
public final class EventRetention implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

    private final EventLog log;
    private final int keep;
    private final Duration every;
    private ScheduledExecutorService timer;

    public EventRetention(EventLog log, int keep, Duration every) {
        this.log = log;
        this.keep = keep;
        this.every = every;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("event-retention").factory());
        timer.scheduleWithFixedDelay(this::trim, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void trim() {
        try {
            int events = log.trim(KeySpace.EVENTS, keep);
            int errors = log.trim(KeySpace.ERRORS, keep);
            if (events + errors > 0) {
                LOG.debug("trimmed {} events and {} errors", events, errors);
            }
        } catch (StoreException e) {
            LOG.warn("cannot trim events now: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
