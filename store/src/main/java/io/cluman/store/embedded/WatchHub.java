package io.cluman.store.embedded;

import io.cluman.store.StoreException;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import io.cluman.store.watch.WatchDelivery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recent history of durable changes and the watches that follow it.
 *
 * <p>{@link #onDurable} is called by the log writer once a revision is durable, in revision order. The
 * hub keeps the last {@code maxHistoryEvents} events (always at least the latest revision), so a
 * watch can start a little in the past: it gets the history from its revision, then live changes,
 * with no gap and no duplicate because both happen under one lock. History does not survive a
 * restart: after opening at revision R the oldest watchable revision is R + 1.
 *
 * <p>Threading: every method may be called from any thread; listeners run on their own delivery
 * threads ({@link WatchDelivery}), never under the hub's lock.
 */
final class WatchHub implements LogWriter.DurableListener {
    private record Revision(long revision, List<WatchEvent> events) {
    }

    private record Subscription(String prefix, long fromRevision, WatchDelivery delivery) {
        void offer(Revision revision) {
            if (revision.revision() < fromRevision) {
                return;
            }
            List<WatchEvent> matching = new ArrayList<>();
            for (WatchEvent event : revision.events()) {
                if (event.key().startsWith(prefix)) {
                    matching.add(event);
                }
            }
            delivery.offer(matching);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Revision> history = new ArrayDeque<>();
    private final Set<Subscription> subscriptions = new HashSet<>();
    private final int maxHistoryEvents;
    private int historyEvents;
    private long oldestWatchable;
    private long lastRevision;
    private boolean closed;

    /** A hub for a store opened at {@code currentRevision}: nothing before the next revision is watchable. */
    WatchHub(long currentRevision, int maxHistoryEvents) {
        this.maxHistoryEvents = maxHistoryEvents;
        this.lastRevision = currentRevision;
        this.oldestWatchable = currentRevision + 1;
    }

    /** Records a durable revision and hands it to the matching watches. */
    @Override
    public void onDurable(long revision, List<WatchEvent> events) {
        lock.lock();
        try {
            Revision published = new Revision(revision, List.copyOf(events));
            history.addLast(published);
            historyEvents += events.size();
            while (historyEvents > maxHistoryEvents && history.size() > 1) {
                Revision evicted = history.removeFirst();
                historyEvents -= evicted.events().size();
                oldestWatchable = evicted.revision() + 1;
            }
            lastRevision = revision;
            for (Subscription subscription : subscriptions) {
                subscription.offer(published);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a watch of {@code prefix} from {@code fromRevision} (0 or less: after the last durable one).
     *
     * @throws StoreException.Compacted when {@code fromRevision} is older than the history
     */
    Watch watch(String prefix, long fromRevision, WatchListener listener) {
        lock.lock();
        try {
            if (closed) {
                throw new StoreException.Unavailable("the store is closed", null);
            }
            long from = fromRevision <= 0 ? lastRevision + 1 : fromRevision;
            if (from < oldestWatchable) {
                throw new StoreException.Compacted("revision " + from + " is no longer in the watch history; the"
                        + " oldest watchable revision is " + oldestWatchable, oldestWatchable);
            }
            Subscription[] self = new Subscription[1];
            WatchDelivery delivery = new WatchDelivery(prefix + "@" + from, listener, 2 * maxHistoryEvents,
                    () -> new StoreException.Compacted("the watch of " + prefix + " fell more than "
                            + 2 * maxHistoryEvents + " events behind; re-read and watch again", oldestWatchable),
                    () -> forget(self[0]));
            self[0] = new Subscription(prefix, from, delivery);
            for (Revision revision : history) {
                self[0].offer(revision);
            }
            subscriptions.add(self[0]);
            delivery.start();
            return delivery;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest revision a new watch may start from. */
    long oldestWatchable() {
        lock.lock();
        try {
            return oldestWatchable;
        } finally {
            lock.unlock();
        }
    }

    private void forget(Subscription subscription) {
        lock.lock();
        try {
            subscriptions.remove(subscription);
        } finally {
            lock.unlock();
        }
    }

    /** Ends every watch with the log's error and refuses new ones. */
    @Override
    public void onFailure(StoreException error) {
        end(error);
    }

    /** Ends every watch with {@link StoreException.Unavailable} and refuses new ones. */
    void close() {
        end(new StoreException.Unavailable("the store is closed", null));
    }

    private void end(StoreException error) {
        List<Subscription> ending;
        lock.lock();
        try {
            closed = true;
            ending = List.copyOf(subscriptions);
        } finally {
            lock.unlock();
        }
        for (Subscription subscription : ending) {
            subscription.delivery().fail(error);
        }
    }
}
