package io.cluman.server.leader;

import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.WatchEvent;
import io.cluman.store.repo.PrefixFollower;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a controller's pass on one thread, every {@code every} and at once when a key under a store prefix
 * changes (the watch only wakes the thread). A pass that throws is logged and the next one runs as usual.
 *
 * <pre>{@code
 * loop = PassLoop.start(store, applications.prefix(), Duration.ofMillis(500), "applications", this::pass);
 * }</pre>
 */
public final class PassLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PassLoop.class);

    private final Semaphore wake = new Semaphore(0);
    private final Runnable pass;
    private final Duration every;
    private final String name;
    private volatile boolean running = true;
    private PrefixFollower follower;
    private Thread thread;

    private PassLoop(Runnable pass, Duration every, String name) {
        this.pass = pass;
        this.every = every;
        this.name = name;
    }

    /** Starts following {@code prefix} and running {@code pass}, on a thread named {@code name}. */
    public static PassLoop start(KvStore store, String prefix, Duration every, String name, Runnable pass) {
        PassLoop loop = new PassLoop(pass, every, name);
        loop.follower = new PrefixFollower(store, prefix, loop.new Wake()).start();
        loop.thread = Thread.ofPlatform().daemon().name(name).start(loop::run);
        return loop;
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (running) {
                    pass.run();
                }
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("{} pass failed: {}", name, e.toString());
            }
        }
    }

    /** Stops the watch and the thread, waiting up to 5 s for a pass under way. */
    @Override
    public void close() {
        running = false;
        follower.close();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Wake implements PrefixFollower.Sink {
        @Override
        public void reset(RangeResult snapshot) {
            wake.release();
        }

        @Override
        public void apply(List<WatchEvent> changes) {
            wake.release();
        }
    }
}
