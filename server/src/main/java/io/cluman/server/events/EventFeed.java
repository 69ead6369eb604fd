package io.cluman.server.events;

import io.cluman.model.event.Event;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.StoreException;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import io.cluman.store.repo.EventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent events under one store prefix, in id order, kept in memory (bounded) and fed by a store
 * watch; streams subscribe here. {@link #subscribe} hands over the backlog after a given id and then
 * every new event, with no gap and no duplicate, because both happen under one lock.
 */
public final class EventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    private final KvStore store;
    private final String prefix;
    private final int capacity;
    private final Deque<Event> recent = new ArrayDeque<>();
    private final List<EventSubscription> subscribers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Watch watch;
    private volatile boolean closed;

    public EventFeed(KvStore store, String prefix, int capacity) {
        this.store = store;
        this.prefix = prefix;
        this.capacity = capacity;
    }

    public EventFeed start() {
        load();
        return this;
    }

    private void load() {
        RangeResult all = store.range(prefix);
        List<Event> events = new ArrayList<>();
        for (KeyValue kv : all.kvs()) {
            events.add(EventLog.decode(kv));
        }
        events.sort(Comparator.comparingLong(Event::id));
        lock.lock();
        try {
            long last = recent.isEmpty() ? 0 : recent.peekLast().id();
            for (Event e : events) {
                if (e.id() > last) {
                    add(e);
                }
            }
            watch = store.watch(prefix, all.revision() + 1, new Listener());
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code limit} newest events matching {@code filter} with an id above {@code afterId}, oldest first. */
    public List<Event> recent(Predicate<Event> filter, long afterId, int limit) {
        List<Event> matching = new ArrayList<>();
        lock.lock();
        try {
            var it = recent.descendingIterator();
            while (it.hasNext() && matching.size() < limit) {
                Event e = it.next();
                if (e.id() <= afterId) {
                    break;
                }
                if (filter.test(e)) {
                    matching.add(e);
                }
            }
        } finally {
            lock.unlock();
        }
        return matching.reversed();
    }

    /** Subscribes: the subscription first holds the matching backlog after {@code afterId}, then live events. */
    public EventSubscription subscribe(Predicate<Event> filter, long afterId) {
        lock.lock();
        try {
            EventSubscription subscription = new EventSubscription(filter, subscribers::remove);
            if (afterId > 0) {
                for (Event e : recent) {
                    if (e.id() > afterId) {
                        subscription.offer(e);
                    }
                }
            }
            subscribers.add(subscription);
            return subscription;
        } finally {
            lock.unlock();
        }
    }

    private void add(Event event) {
        recent.addLast(event);
        while (recent.size() > capacity) {
            recent.removeFirst();
        }
        for (EventSubscription s : subscribers) {
            s.offer(event);
        }
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvents(List<WatchEvent> events) {
            lock.lock();
            try {
                for (WatchEvent change : events) {
                    if (change instanceof WatchEvent.Put put && put.previous().isEmpty()) {
                        add(EventLog.decode(put.kv()));
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onError(StoreException error) {
            if (!closed) {
                LOG.warn("event watch on {} failed ({}); reloading", prefix, error.getMessage());
                Thread.ofVirtual().start(EventFeed.this::reloadUntilClosed);
            }
        }
    }

    private void reloadUntilClosed() {
        while (!closed) {
            try {
                load();
                return;
            } catch (StoreException e) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (watch != null) {
            watch.close();
        }
        subscribers.forEach(EventSubscription::close);
    }
}
