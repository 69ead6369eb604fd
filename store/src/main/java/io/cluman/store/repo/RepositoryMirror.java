package io.cluman.store.repo;

import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.WatchEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory copy of one repository, kept current by a store watch: a full read at start, then every
 * change ({@link PrefixFollower}). Readers see each record at a revision at least as new as the last
 * one they were shown. When the watch fails the follower reads everything again.
 *
 * <p>Thread-safe: reads are lock-free; watch callbacks and {@link #offer} only ever replace a record
 * by a newer revision.
 *
 * @param <T> the record type
 */
public final class RepositoryMirror<T> implements AutoCloseable, PrefixFollower.Sink {
    private final JsonRepository<T> repository;
    private final PrefixFollower follower;
    private final Map<String, Versioned<T>> records = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    private record Versioned<T>(T value, long revision) {
    }

    public RepositoryMirror(KvStore store, JsonRepository<T> repository) {
        this.repository = repository;
        this.follower = new PrefixFollower(store, repository.prefix(), this);
    }

    /** Reads every record and starts following changes. */
    public RepositoryMirror<T> start() {
        follower.start();
        return this;
    }

    public Optional<T> get(String id) {
        Versioned<T> v = records.get(id);
        return v == null ? Optional.empty() : Optional.of(v.value());
    }

    /** The first record that matches, without copying the records. */
    public Optional<T> find(java.util.function.Predicate<T> test) {
        for (Versioned<T> v : records.values()) {
            if (test.test(v.value())) {
                return Optional.of(v.value());
            }
        }
        return Optional.empty();
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

    /** Grows with every change the mirror takes in: a reader that keeps something derived knows when to redo it. */
    public long changes() {
        return changes.get();
    }

    /** Records a value this process just wrote, so readers see it before the watch delivers it. */
    public void offer(String id, T value, long revision) {
        changes.incrementAndGet();
        records.merge(id, new Versioned<>(value, revision), (old, now) -> now.revision() >= old.revision() ? now : old);
    }

    @Override
    public void reset(RangeResult snapshot) {
        changes.incrementAndGet();
        Map<String, KeyValue> seen = new java.util.HashMap<>();
        for (KeyValue kv : snapshot.kvs()) {
            seen.put(id(kv.key()), kv);
            offer(id(kv.key()), repository.decode(kv), kv.modRevision());
        }
        records.entrySet().removeIf(e -> !seen.containsKey(e.getKey())
                && e.getValue().revision() <= snapshot.revision());
    }

    @Override
    public void apply(List<WatchEvent> events) {
        changes.incrementAndGet();
        for (WatchEvent event : events) {
            switch (event) {
                case WatchEvent.Put put -> offer(id(put.key()), repository.decode(put.kv()), put.revision());
                case WatchEvent.Delete delete -> records.computeIfPresent(id(delete.key()),
                        (id, old) -> old.revision() <= delete.revision() ? null : old);
            }
        }
    }

    private String id(String key) {
        return key.substring(repository.prefix().length());
    }

    @Override
    public void close() {
        follower.close();
    }
}
