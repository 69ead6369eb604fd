package io.cluman.store.repo;

import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.StoreException;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every key under a prefix: reads them all, then watches from the next revision, so its sink
 * sees a snapshot and then every change after it, with no gap. When the watch fails (history
 * compacted, store restarted, etcd unreachable) it reads everything again, once a second until it
 * works, and hands the sink a fresh snapshot. The in-memory copies of the server (mirrors, event feeds,
 * the assignment feed) are sinks.
 */
public final class PrefixFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PrefixFollower.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Receives the snapshot and the changes; called on one thread at a time. */
    public interface Sink {
        /** Everything under the prefix as of {@code snapshot.revision()}; replaces what the sink held. */
        void reset(RangeResult snapshot);

        /** Changes after the last snapshot or change, in revision order. */
        void apply(List<WatchEvent> events);
    }

    private final KvStore store;
    private final String prefix;
    private final Sink sink;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Watch watch;
    private volatile boolean closed;

    public PrefixFollower(KvStore store, String prefix, Sink sink) {
        this.store = store;
        this.prefix = prefix;
        this.sink = sink;
    }

    /** Reads the snapshot (in the caller's thread, so a failure reaches it) and starts watching. */
    public PrefixFollower start() {
        follow();
        return this;
    }

    private void follow() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (watch != null) {
                watch.close();
            }
            RangeResult all = store.range(prefix);
            sink.reset(all);
            watch = store.watch(prefix, all.revision() + 1, new Listener());
        } finally {
            lock.unlock();
        }
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvents(List<WatchEvent> events) {
            sink.apply(events);
        }

        @Override
        public void onError(StoreException error) {
            if (!closed) {
                LOG.warn("watch of {} failed ({}); reading it again", prefix, error.getMessage());
                Thread.ofVirtual().name("refollow " + prefix).start(PrefixFollower.this::followUntilClosed);
            }
        }
    }

    private void followUntilClosed() {
        while (!closed) {
            try {
                follow();
                return;
            } catch (StoreException e) {
                LOG.warn("cannot read {} yet: {}", prefix, e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            if (watch != null) {
                watch.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
