package io.cluman.server.containers;

import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.Assignments;
import io.cluman.model.container.Container;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.WatchEvent;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.PrefixFollower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every container record in memory, fed by a {@link PrefixFollower}, and the blocking query agents use to learn
 * their allocations. For each node it remembers the store revision that last changed the node's
 * allocations; a query with an older index returns at once, one with the current index waits for the
 * next change (or the time-out). One lock guards the maps; waiters sleep on one condition.
 */
public final class AssignmentFeed implements AutoCloseable {
    private final JsonRepository<Container> containers;
    private final PrefixFollower follower;
    private final Map<String, Container> byName = new HashMap<>();
    private final Map<String, Long> nodeChangedAt = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long revision;
    private volatile boolean closed;

    public AssignmentFeed(KvStore store, JsonRepository<Container> containers) {
        this.containers = containers;
        this.follower = new PrefixFollower(store, containers.prefix(), new Sink());
    }

    public AssignmentFeed start() {
        follower.start();
        return this;
    }

    /**
     * The node's allocations once they changed after {@code index} (at once when {@code index} is 0 or
     * older than the last change), else after {@code wait} with the same list.
     */
    public Assignments await(String nodeId, long index, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (index != 0 && nodeChangedAt.getOrDefault(nodeId, 0L) <= index && nanos > 0 && !closed) {
                nanos = changed.awaitNanos(nanos);
            }
            List<Assignment> list = byName.values().stream().filter(c -> nodeId.equals(c.node()))
                    .sorted(Comparator.comparing(Container::name))
                    .map(c -> new Assignment(c.allocId(), c.name(), c.spec(), c.generation(), c.desired())).toList();
            return new Assignments(Math.max(revision, index), list);
        } finally {
            lock.unlock();
        }
    }

    /** The container whose current allocation is {@code allocId}. */
    public Optional<Container> byAllocation(String allocId) {
        lock.lock();
        try {
            return byName.values().stream().filter(c -> c.allocId().equals(allocId)).findFirst();
        } finally {
            lock.unlock();
        }
    }

    /** A copy of every container record. */
    public Collection<Container> all() {
        lock.lock();
        try {
            return new ArrayList<>(byName.values());
        } finally {
            lock.unlock();
        }
    }

    /** Container records arrive from the store: all of them at start (or after a failed watch), then each change. */
    private final class Sink implements PrefixFollower.Sink {
        @Override
        public void reset(RangeResult snapshot) {
            lock.lock();
            try {
                byName.values().forEach(c -> nodeChangedAt.put(c.node(), snapshot.revision()));
                byName.clear();
                for (KeyValue kv : snapshot.kvs()) {
                    Container c = containers.decode(kv);
                    byName.put(c.name(), c);
                    nodeChangedAt.put(c.node(), snapshot.revision());
                }
                revision = Math.max(revision, snapshot.revision());
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void apply(List<WatchEvent> events) {
            lock.lock();
            try {
                for (WatchEvent event : events) {
                    String name = event.key().substring(containers.prefix().length());
                    Container before = byName.get(name);
                    if (before != null) {
                        nodeChangedAt.put(before.node(), event.revision());
                    }
                    if (event instanceof WatchEvent.Put put) {
                        Container after = containers.decode(put.kv());
                        byName.put(name, after);
                        nodeChangedAt.put(after.node(), event.revision());
                    } else {
                        byName.remove(name);
                    }
                    revision = Math.max(revision, event.revision());
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        follower.close();
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
