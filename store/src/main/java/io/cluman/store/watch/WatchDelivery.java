package io.cluman.store.watch;

import io.cluman.store.StoreException;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the event batches of one watch to its {@link WatchListener} on a virtual thread of its own.
 *
 * <p>Producers call {@link #offer} (never blocks) in revision order; the delivery thread calls the
 * listener with one batch at a time, in the same order. When more than {@code maxQueuedEvents} wait,
 * the listener is too slow: the queue is dropped and the watch ends with the overflow error, so the
 * owner re-reads and watches again instead of the store holding unbounded memory for it.
 *
 * <p>The watch ends exactly once, by {@link #close} (a callback already under way may finish, but no
 * other starts; closing from inside a callback is fine) or
 * by {@link #fail} (the error is delivered after the batches already queued); then {@code onEnd} runs,
 * which the backend uses to forget the watch.
 */
public final class WatchDelivery implements Watch {
    private static final Logger LOG = LoggerFactory.getLogger(WatchDelivery.class);

    private sealed interface Item {
    }

    private record Batch(List<WatchEvent> events) implements Item {
    }

    private record Failure(StoreException error) implements Item {
    }

    private record Wake() implements Item {
    }

    private final String name;
    private final WatchListener listener;
    private final int maxQueuedEvents;
    private final Supplier<StoreException> overflowError;
    private final Runnable onEnd;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param name            names the delivery thread (for thread dumps)
     * @param maxQueuedEvents how many undelivered events end the watch with {@code overflowError}
     * @param onEnd           runs once when the watch ends, however it ends
     */
    public WatchDelivery(String name, WatchListener listener, int maxQueuedEvents,
            Supplier<StoreException> overflowError, Runnable onEnd) {
        this.name = name;
        this.listener = listener;
        this.maxQueuedEvents = maxQueuedEvents;
        this.overflowError = overflowError;
        this.onEnd = onEnd;
    }

    /** Starts the delivery thread; batches offered before are delivered first. */
    public void start() {
        Thread.ofVirtual().name("cluman-watch-" + name).start(this::run);
    }

    /** Queues the events of one revision. Ignored once the watch is ending. */
    public void offer(List<WatchEvent> events) {
        if (closed || failing.get() || events.isEmpty()) {
            return;
        }
        if (queuedEvents.addAndGet(events.size()) > maxQueuedEvents) {
            if (failing.compareAndSet(false, true)) {
                queue.clear();
                queue.add(new Failure(overflowError.get()));
            }
            return;
        }
        queue.add(new Batch(List.copyOf(events)));
    }

    /** Ends the watch with {@code error}, after the batches already queued. */
    public void fail(StoreException error) {
        if (!closed && failing.compareAndSet(false, true)) {
            queue.add(new Failure(error));
        }
    }

    /** Whether the watch has ended (closed or failed and delivered). */
    public boolean ended() {
        return ended.get();
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.add(new Wake());
        end();
    }

    private void run() {
        try {
            while (!closed) {
                Item item = queue.take();
                if (closed) {
                    return;
                }
                switch (item) {
                    case Batch batch -> deliver(batch.events());
                    case Failure failure -> {
                        deliverError(failure.error());
                        return;
                    }
                    case Wake wake -> {
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    private void deliver(List<WatchEvent> events) {
        queuedEvents.addAndGet(-events.size());
        try {
            listener.onEvents(events);
        } catch (RuntimeException e) {
            LOG.warn("watch listener {} failed on revision {}; continuing", name, events.getFirst().revision(), e);
        }
    }

    private void deliverError(StoreException error) {
        try {
            listener.onError(error);
        } catch (RuntimeException e) {
            LOG.warn("watch listener {} failed on error {}", name, error.toString(), e);
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}
