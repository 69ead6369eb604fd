package io.cluman.server.events;

import io.cluman.model.event.Event;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.WatchEvent;
import io.cluman.store.repo.EventLog;
import io.cluman.store.repo.PrefixFollower;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The recent events under one store prefix, in id order, kept in memory (bounded) and fed by a store
 * watch; streams subscribe here. {@link #subscribe} hands over the backlog after a given id and then
 * every new event, with no gap and no duplicate, because both happen under one lock.
 */
public final class EventFeed implements AutoCloseable {
    private final PrefixFollower follower;
    private final int capacity;
    private final Deque<Event> recent = new ArrayDeque<>();
    private final List<EventSubscription> subscribers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();

    public EventFeed(KvStore store, String prefix, int capacity) {
        this.capacity = capacity;
        this.follower = new PrefixFollower(store, prefix, new Sink());
    }

    public EventFeed start() {
        follower.start();
        return this;
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

    /** Events arrive from the store: the history at start (or after a failed watch), then each new one. */
    private final class Sink implements PrefixFollower.Sink {
        @Override
        public void reset(RangeResult snapshot) {
            List<Event> events = new ArrayList<>();
            for (KeyValue kv : snapshot.kvs()) {
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
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void apply(List<WatchEvent> events) {
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
    }

    @Override
    public void close() {
        follower.close();
        subscribers.forEach(EventSubscription::close);
    }
}
