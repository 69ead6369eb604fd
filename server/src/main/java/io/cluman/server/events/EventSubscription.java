package io.cluman.server.events;

import io.cluman.model.event.Event;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One reader of an {@link EventFeed}. A reader that falls more than {@value #CAPACITY} events behind
 * is cut off ({@link #overflowed()}); it reconnects with the last id it saw and loses nothing the feed
 * still holds.
 */
public final class EventSubscription implements AutoCloseable {
    static final int CAPACITY = 10_000;

    private static final Event WAKE_UP = new Event(-1, java.time.Instant.EPOCH, io.cluman.model.event.Topic.NODE,
            io.cluman.model.event.Action.STOP, io.cluman.model.event.Severity.INFO, "", "", "", null);

    private final Predicate<Event> filter;
    private final Consumer<EventSubscription> onClose;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>(CAPACITY + 1);
    private volatile boolean overflowed;
    private volatile boolean closed;

    EventSubscription(Predicate<Event> filter, Consumer<EventSubscription> onClose) {
        this.filter = filter;
        this.onClose = onClose;
    }

    void offer(Event event) {
        if (!closed && filter.test(event) && (queue.size() >= CAPACITY || !queue.offer(event))) {
            overflowed = true;
            close();
        }
    }

    /** The next event, waiting up to {@code wait}; empty on time-out or when closed. */
    public Optional<Event> next(Duration wait) throws InterruptedException {
        if (closed && queue.isEmpty()) {
            return Optional.empty();
        }
        Event event = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return event == WAKE_UP ? Optional.empty() : Optional.ofNullable(event);
    }

    public boolean isClosed() {
        return closed && queue.isEmpty();
    }

    public boolean overflowed() {
        return overflowed;
    }

    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
        queue.offer(WAKE_UP);
    }
}
