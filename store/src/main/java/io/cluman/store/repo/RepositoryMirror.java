package io.cluman.store.repo;

import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.StoreException;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of one repository, kept current by a store watch: a full read at start, then every
 * change. Readers see each record at a revision at least as new as the last one they were shown.
 * When the watch fails (history compacted, store restarted) the mirror reads everything again.
 *
 * <p>Thread-safe: reads are lock-free; watch callbacks and {@link #offer} only ever replace a record
 * by a newer revision.
 *
 * @param <T> the record type
 */
public final class RepositoryMirror<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryMirror.class);

    private final KvStore store;
    private final JsonRepository<T> repository;
    private final Map<String, Versioned<T>> records = new ConcurrentHashMap<>();
    private final ReentrantLock watchLock = new ReentrantLock();
    private volatile Watch watch;
    private volatile boolean closed;

    private record Versioned<T>(T value, long revision) {
    }

    public RepositoryMirror(KvStore store, JsonRepository<T> repository) {
        this.store = store;
        this.repository = repository;
    }

    /** Reads every record and starts following changes. */
    public RepositoryMirror<T> start() {
        resync();
        return this;
    }

    public Optional<T> get(String id) {
        Versioned<T> v = records.get(id);
        return v == null ? Optional.empty() : Optional.of(v.value());
    }

    /** Whether any record matches, without copying the records. */
    public boolean anyMatch(java.util.function.Predicate<T> test) {
        for (Versioned<T> v : records.values()) {
            if (test.test(v.value())) {
                return true;
            }
        }
        return false;
    }

    /** Visits every record without copying them (a weakly consistent view). */
    public void forEach(java.util.function.Consumer<T> visitor) {
        for (Versioned<T> v : records.values()) {
            visitor.accept(v.value());
        }
    }

    public Collection<T> values() {
        return records.values().stream().map(Versioned::value).toList();
    }

    public int size() {
        return records.size();
    }

    /** Records a value this process just wrote, so readers see it before the watch delivers it. */
    public void offer(String id, T value, long revision) {
        records.merge(id, new Versioned<>(value, revision), (old, now) -> now.revision() >= old.revision() ? now : old);
    }

    private void resync() {
        watchLock.lock();
        try {
            if (closed) {
                return;
            }
            if (watch != null) {
                watch.close();
            }
            RangeResult all = store.range(repository.prefix());
            Map<String, KeyValue> seen = new ConcurrentHashMap<>();
            for (KeyValue kv : all.kvs()) {
                seen.put(id(kv.key()), kv);
                offer(id(kv.key()), repository.decode(kv), kv.modRevision());
            }
            records.keySet().removeIf(id -> !seen.containsKey(id));
            watch = store.watch(repository.prefix(), all.revision() + 1, new Listener());
        } finally {
            watchLock.unlock();
        }
    }

    private String id(String key) {
        return key.substring(repository.prefix().length());
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvents(List<WatchEvent> events) {
            for (WatchEvent event : events) {
                switch (event) {
                    case WatchEvent.Put put -> offer(id(put.key()), repository.decode(put.kv()), put.revision());
                    case WatchEvent.Delete delete -> records.computeIfPresent(id(delete.key()),
                            (id, old) -> old.revision() <= delete.revision() ? null : old);
                }
            }
        }

        @Override
        public void onError(StoreException error) {
            if (closed) {
                return;
            }
            LOG.warn("watch of {} failed ({}); reading it again", repository.prefix(), error.getMessage());
            Thread.ofVirtual().start(() -> {
                while (!closed) {
                    try {
                        resync();
                        return;
                    } catch (StoreException e) {
                        LOG.warn("cannot read {} yet: {}", repository.prefix(), e.getMessage());
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        watchLock.lock();
        try {
            if (watch != null) {
                watch.close();
            }
        } finally {
            watchLock.unlock();
        }
    }
}
