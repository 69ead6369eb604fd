package io.cluman.store.embedded;

import io.cluman.store.StoreException;
import io.cluman.store.WatchEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends log records from one dedicated thread and makes them durable with group commit.
 *
 * <p>Callers {@link #submit} an encoded record and wait on the returned future. The writer thread takes
 * everything queued, writes it with one gathering write, forces the file once, tells the
 * {@link DurableListener} about each record in order, and only then completes the futures. So one
 * {@code fsync} acknowledges every writer that queued while the previous one ran, and no caller
 * returns, and no watcher hears of a change, before the change is on disk.
 *
 * <p>Threading: {@link #submit}, {@link #rotate} and {@link #lastSubmitted} must be called in commit
 * order, one thread at a time (the store calls them under its write lock). Only the writer thread
 * touches the file, so interrupting a caller never closes the channel under the others.
 *
 * <p>Any I/O error is final: the writer fails every pending and later future with
 * {@link StoreException.Unavailable} (after a failed {@code fsync} the page cache cannot be trusted).
 */
final class LogWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_BATCH = 4096;

    /** Hears of records once they are durable, on the writer thread, in commit order. */
    interface DurableListener {
        void onDurable(long revision, List<WatchEvent> events);

        /** The log failed: nothing more will become durable. */
        void onFailure(StoreException error);
    }

    private sealed interface Entry {
        CompletableFuture<Void> done();
    }

    private record Append(ByteBuffer frame, long revision, List<WatchEvent> events, CompletableFuture<Void> done)
            implements Entry {
    }

    private record Rotate(long generation, CompletableFuture<Void> done) implements Entry {
    }

    private record Stop(CompletableFuture<Void> done) implements Entry {
    }

    private final StoreDirectory directory;
    private final DurableListener listener;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private FileChannel channel;
    private volatile CompletableFuture<Void> lastSubmitted = CompletableFuture.completedFuture(null);
    private volatile StoreException failure;

    /** Starts writing at the end of {@code channel}, which is the segment of the current generation. */
    LogWriter(StoreDirectory directory, FileChannel channel, DurableListener listener) {
        this.directory = directory;
        this.channel = channel;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("cluman-store-log-" + directory.root().getFileName())
                .start(this::run);
    }

    /** Queues one encoded record of {@code revision}; the future completes once it is durable. */
    CompletableFuture<Void> submit(byte[] payload, long revision, List<WatchEvent> events) {
        return enqueue(new Append(LogSegment.frame(payload), revision, events, new CompletableFuture<>()));
    }

    /**
     * Closes the current segment after everything queued before and continues in a new segment of
     * {@code generation}; the future completes once the new segment exists durably.
     */
    CompletableFuture<Void> rotate(long generation) {
        return enqueue(new Rotate(generation, new CompletableFuture<>()));
    }

    /** The future of the last record submitted: once it completes, everything before it is durable. */
    CompletableFuture<Void> lastSubmitted() {
        return lastSubmitted;
    }

    /** The error that stopped the writer, or null while it works. */
    StoreException failure() {
        return failure;
    }

    private CompletableFuture<Void> enqueue(Entry entry) {
        StoreException failed = failure;
        if (failed != null) {
            return CompletableFuture.failedFuture(failed);
        }
        lastSubmitted = entry.done();
        queue.add(entry);
        failed = failure;
        if (failed != null && queue.remove(entry)) {
            entry.done().completeExceptionally(failed); // the writer failed between the check and the add
        }
        return entry.done();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH);
            try {
                stopping = process(batch);
            } catch (IOException | RuntimeException e) {
                fail(e, batch);
                return;
            }
            batch.clear();
        }
    }

    /** Writes and forces one batch; returns whether it held the stop request. */
    private boolean process(List<Entry> batch) throws IOException {
        List<Append> appends = new ArrayList<>();
        for (Entry entry : batch) {
            switch (entry) {
                case Append append -> appends.add(append);
                case Rotate rotate -> {
                    makeDurable(appends);
                    switchSegment(rotate.generation());
                    rotate.done().complete(null);
                }
                case Stop stop -> {
                    makeDurable(appends);
                    channel.close();
                    stop.done().complete(null);
                    return true;
                }
            }
        }
        makeDurable(appends);
        return false;
    }

    private void makeDurable(List<Append> appends) throws IOException {
        if (appends.isEmpty()) {
            return;
        }
        ByteBuffer[] frames = appends.stream().map(Append::frame).toArray(ByteBuffer[]::new);
        long remaining = appends.stream().mapToLong(a -> a.frame().remaining()).sum();
        while (remaining > 0) {
            remaining -= channel.write(frames);
        }
        channel.force(false);
        for (Append append : appends) {
            if (!append.events().isEmpty()) {
                try {
                    listener.onDurable(append.revision(), append.events());
                } catch (RuntimeException e) {
                    LOG.error("watch delivery failed for revision {}", append.revision(), e);
                }
            }
            append.done().complete(null);
        }
        appends.clear();
    }

    private void switchSegment(long generation) throws IOException {
        channel.force(false);
        FileChannel next = FileChannel.open(directory.segment(generation), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        directory.syncDirectory();
        channel.close();
        channel = next;
    }

    private void fail(Exception cause, List<Entry> batch) {
        StoreException error = new StoreException.Unavailable(
                "the store log in " + directory.root() + " failed; the store must be reopened", cause);
        LOG.error("store log failed; refusing all further operations", cause);
        failure = error;
        listener.onFailure(error);
        queue.drainTo(batch);
        for (Entry entry : batch) {
            entry.done().completeExceptionally(error);
        }
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Makes everything queued durable, then stops the writer thread and closes the segment. */
    @Override
    public void close() {
        if (failure == null) {
            enqueue(new Stop(new CompletableFuture<>()));
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
