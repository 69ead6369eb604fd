package io.cluman.store.embedded;

import io.cluman.store.StoreException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes snapshots: every {@code everyRecords} log records, or on request.
 *
 * <p>A snapshot starts under the store's write lock, so the state copy and the log rotation happen at
 * exactly the same point between two records. The copy is then written on a virtual thread while the
 * store goes on in the new segment. Until the snapshot file is renamed into place, opening replays the
 * old snapshot and both segments, so a crash at any step loses nothing; afterwards older segments are
 * deleted.
 *
 * <p>Threading: {@link #recordCommitted} and {@link #start} are called under the store's write lock;
 * at most one snapshot is written at a time.
 */
final class Snapshotter {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);

    private final StoreDirectory directory;
    private final LogWriter log;
    private final long everyRecords;
    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();
    private long generation;
    private long recordsInSegment;

    /** Continues after a recovery that left {@code recordsInSegment} records in segment {@code generation}. */
    Snapshotter(StoreDirectory directory, LogWriter log, long everyRecords, long generation, long recordsInSegment) {
        this.directory = directory;
        this.log = log;
        this.everyRecords = everyRecords;
        this.generation = generation;
        this.recordsInSegment = recordsInSegment;
    }

    /** Counts a record just submitted to the log and starts a snapshot when one is due. */
    void recordCommitted(Keyspace keyspace) {
        recordsInSegment++;
        if (recordsInSegment >= everyRecords && running.get() == null) {
            start(keyspace);
        }
    }

    /** The snapshot being written, or null. */
    CompletableFuture<Void> running() {
        return running.get();
    }

    /** Starts a snapshot of {@code keyspace} as it is now; the future completes once it is durable. */
    CompletableFuture<Void> start(Keyspace keyspace) {
        Keyspace copy = keyspace.copy();
        long next = generation + 1;
        CompletableFuture<Void> rotated = log.rotate(next);
        generation = next;
        recordsInSegment = 0;
        CompletableFuture<Void> done = new CompletableFuture<>();
        running.set(done);
        Thread.ofVirtual().name("cluman-store-snapshot").start(() -> write(copy, next, rotated, done));
        return done;
    }

    private void write(Keyspace copy, long segmentAfter, CompletableFuture<Void> rotated, CompletableFuture<Void> done) {
        try {
            rotated.join();
            SnapshotFile.write(directory, segmentAfter, copy);
            directory.deleteSegmentsBefore(segmentAfter);
            LOG.info("snapshot of {} at revision {} ({} keys)", directory.root(), copy.revision(), copy.keyCount());
            running.set(null);
            done.complete(null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("snapshot of {} failed; the log still holds everything", directory.root(), e);
            running.set(null);
            done.completeExceptionally(new StoreException.Unavailable("snapshot of " + directory.root() + " failed", e));
        }
    }
}
