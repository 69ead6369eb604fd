package io.cluman.store.embedded;

import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.StoreException;
import io.cluman.store.Txn;
import io.cluman.store.TxnResult;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link KvStore}: etcd's data model in one directory of this machine.
 *
 * <pre>
 *  txn ──► [write lock: plan, apply to Keyspace, submit] ──► LogWriter thread: write, fsync (grouped)
 *                                                                   │ durable, in revision order
 *  watch ◄── WatchDelivery (virtual thread per watch) ◄── WatchHub ◄┘  then the txn returns
 * </pre>
 *
 * <p>State lives in memory ({@link Keyspace}); every change is a record appended to a log segment and
 * forced before the caller (or any watcher) hears of it. After {@link EmbeddedOptions#snapshotAfterRecords}
 * records the state is written to a snapshot and a new segment begins. Opening loads the snapshot and
 * replays the segments after it.
 *
 * <p>Threading: all methods are thread-safe. A read-write lock orders transactions (writers) against
 * reads; nothing blocking happens under it. Reads wait until what they saw is durable, so nobody ever
 * sees a change that a crash could take back. Lease deadlines are checked by a background virtual
 * thread against the injected clock. Only one store may have a directory open (an OS file lock).
 */
public final class EmbeddedKvStore implements KvStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKvStore.class);

    private final StoreDirectory directory;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Keyspace keyspace;
    private final WatchHub hub;
    private final LogWriter log;
    private final LeaseDeadlines deadlines;
    private final ScheduledExecutorService leaseTicker;
    private final Snapshotter snapshotter;
    private boolean closed;

    /** Opens (or creates) a store in {@code directory}, with the system clock. */
    public EmbeddedKvStore(Path directory) {
        this(directory, InstantSource.system());
    }

    public EmbeddedKvStore(Path directory, InstantSource clock) {
        this(directory, clock, EmbeddedOptions.defaults());
    }

    /**
     * Opens (or creates) a store in {@code directory} and starts its threads.
     *
     * @throws StoreException.Unavailable when the directory is open elsewhere or cannot be read
     */
    public EmbeddedKvStore(Path directory, InstantSource clock, EmbeddedOptions options) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        Recovery.Recovered recovered;
        try {
            this.directory = StoreDirectory.lock(directory);
        } catch (IOException e) {
            throw new StoreException.Unavailable("cannot open store directory " + directory, e);
        }
        try {
            recovered = Recovery.recover(this.directory);
        } catch (IOException | RuntimeException e) {
            closeQuietly(this.directory);
            throw new StoreException.Unavailable("cannot recover the store in " + directory + ": " + e.getMessage(), e);
        }
        this.keyspace = recovered.keyspace();
        this.hub = new WatchHub(keyspace.revision(), options.watchHistoryEvents());
        this.log = new LogWriter(this.directory, recovered.segment(), hub);
        this.snapshotter = new Snapshotter(this.directory, log, options.snapshotAfterRecords(), recovered.generation(),
                recovered.recordsInSegment());
        this.deadlines = new LeaseDeadlines(clock);
        keyspace.leaseTtls().forEach(deadlines::start);
        this.leaseTicker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("cluman-store-leases").factory());
        long tick = options.leaseCheckInterval().toMillis();
        leaseTicker.scheduleWithFixedDelay(this::expireLeases, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<KeyValue> get(String key) {
        Objects.requireNonNull(key, "key");
        return read(() -> keyspace.get(key));
    }

    @Override
    public RangeResult range(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return read(() -> new RangeResult(keyspace.range(prefix), keyspace.revision()));
    }

    @Override
    public long revision() {
        return read(keyspace::revision);
    }

    /**
     * Runs a read under the read lock, then waits until everything it may have seen is durable, so a
     * reader never acts on a change that a crash could take back.
     */
    private <T> T read(Supplier<T> reader) {
        CompletableFuture<Void> seen;
        T result;
        lock.readLock().lock();
        try {
            ensureOpen();
            result = reader.get();
            seen = log.lastSubmitted();
        } finally {
            lock.readLock().unlock();
        }
        awaitDurable(seen);
        return result;
    }

    @Override
    public TxnResult txn(Txn txn) {
        Objects.requireNonNull(txn, "txn");
        CompletableFuture<Void> durable;
        TxnResult result;
        lock.writeLock().lock();
        try {
            ensureOpen();
            Keyspace.Plan plan = keyspace.planTxn(txn);
            durable = plan.record().map(this::commit).orElseGet(log::lastSubmitted);
            result = new TxnResult(plan.succeeded(), keyspace.revision());
        } finally {
            lock.writeLock().unlock();
        }
        awaitDurable(durable);
        return result;
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(listener, "listener");
        lock.readLock().lock();
        try {
            ensureOpen();
        } finally {
            lock.readLock().unlock();
        }
        return hub.watch(prefix, fromRevision, listener);
    }

    @Override
    public long grantLease(Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease TTL must be at least a millisecond: " + ttl);
        }
        CompletableFuture<Void> durable;
        long leaseId;
        lock.writeLock().lock();
        try {
            ensureOpen();
            LogRecord.GrantLease grant = keyspace.planGrant(ttl.toMillis());
            leaseId = grant.leaseId();
            durable = commit(grant);
            deadlines.start(leaseId, grant.ttlMillis());
        } finally {
            lock.writeLock().unlock();
        }
        awaitDurable(durable);
        return leaseId;
    }

    @Override
    public void keepAlive(long leaseId) {
        lock.readLock().lock();
        try {
            ensureOpen();
            long ttl = keyspace.leaseTtlMillis(leaseId)
                    .orElseThrow(() -> new StoreException.NotFound("lease " + leaseId + " not found"));
            if (!deadlines.refresh(leaseId, ttl)) {
                throw new StoreException.NotFound("lease " + leaseId + " has expired");
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void revokeLease(long leaseId) {
        awaitDurable(revoke(leaseId, false));
    }

    /** Revokes a lease (only if its deadline passed, when {@code onlyIfExpired}); returns what to await. */
    private CompletableFuture<Void> revoke(long leaseId, boolean onlyIfExpired) {
        lock.writeLock().lock();
        try {
            ensureOpen();
            if (onlyIfExpired && !deadlines.expired(leaseId)) {
                return log.lastSubmitted(); // kept alive since the ticker looked
            }
            CompletableFuture<Void> durable = keyspace.planRevoke(leaseId).map(this::commit)
                    .orElseGet(log::lastSubmitted);
            deadlines.remove(leaseId);
            return durable;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Revokes every lease whose deadline has passed; runs on the lease ticker. */
    void expireLeases() {
        try {
            for (long leaseId : deadlines.expired()) {
                awaitDurable(revoke(leaseId, true));
            }
        } catch (StoreException e) {
            LOG.debug("lease expiry skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("lease expiry failed", e);
        }
    }

    @Override
    public String kind() {
        return "embedded";
    }

    /**
     * Writes a snapshot now and starts a new log segment (normally automatic, every
     * {@link EmbeddedOptions#snapshotAfterRecords} records); returns once the snapshot is durable.
     */
    public void snapshot() {
        while (true) {
            CompletableFuture<Void> running;
            CompletableFuture<Void> ours = null;
            lock.writeLock().lock();
            try {
                ensureOpen();
                running = snapshotter.running();
                if (running == null) {
                    ours = snapshotter.start(keyspace);
                }
            } finally {
                lock.writeLock().unlock();
            }
            if (ours != null) {
                awaitDurable(ours);
                return;
            }
            running.exceptionally(e -> null).join(); // an older snapshot is being written: wait, then take ours
        }
    }

    /** Logs a record and applies it; the caller holds the write lock. Returns its durability. */
    private CompletableFuture<Void> commit(LogRecord record) {
        byte[] payload = RecordCodec.encode(record);
        if (payload.length > LogSegment.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("transaction of " + payload.length + " bytes exceeds the limit of "
                    + LogSegment.MAX_PAYLOAD_BYTES);
        }
        List<WatchEvent> events = keyspace.apply(record);
        CompletableFuture<Void> durable = log.submit(payload, keyspace.revision(), events);
        snapshotter.recordCommitted(keyspace);
        return durable;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException.Unavailable("the store in " + directory.root() + " is closed", null);
        }
        StoreException failure = log.failure();
        if (failure != null) {
            throw new StoreException.Unavailable(failure.getMessage(), failure);
        }
    }

    private static void awaitDurable(CompletableFuture<Void> durable) {
        try {
            durable.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException.Unavailable unavailable) {
                throw new StoreException.Unavailable(unavailable.getMessage(), unavailable);
            }
            throw new StoreException.Unavailable("store operation failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted while waiting for the log; the change may or may not"
                    + " be durable", e);
        }
    }

    /** Stops the lease ticker, makes everything queued durable, ends the watches and unlocks the directory. */
    @Override
    public void close() {
        CompletableFuture<Void> snapshot;
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            snapshot = snapshotter.running();
        } finally {
            lock.writeLock().unlock();
        }
        leaseTicker.shutdownNow();
        try {
            leaseTicker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (snapshot != null) {
            snapshot.exceptionally(e -> null).join();
        }
        log.close();
        hub.close();
        closeQuietly(directory);
    }

    private static void closeQuietly(StoreDirectory directory) {
        try {
            directory.close();
        } catch (IOException e) {
            LOG.warn("cannot release the lock of {}", directory.root(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKvStore[" + directory.root() + "]";
    }
}
