package io.cluman.store.repo;

import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.Op;
import io.cluman.store.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The bounded, persistent history of events. An event is stored under {@code /cluman/events/} and,
 * when it is a WARNING or worse, also under {@code /cluman/errors/}, in one transaction, so both
 * copies share one store revision: that revision is the event's id. Keys start with the event time
 * in milliseconds, so key order is age order and trimming deletes the first keys.
 */
public final class EventLog {
    private final KvStore store;
    private final RandomGenerator random;

    public EventLog(KvStore store, RandomGenerator random) {
        this.store = store;
        this.random = random;
    }

    /** Stores an event and returns it with its id. */
    public Event append(Event event) {
        String suffix = String.format("%013d-%08x", event.time().toEpochMilli(), random.nextInt());
        byte[] value = StoreJson.write(event.withId(0));
        List<Op> ops = new ArrayList<>(2);
        ops.add(Op.put(KeySpace.EVENTS + suffix, value));
        if (event.severity().atLeast(Severity.WARNING)) {
            ops.add(Op.put(KeySpace.ERRORS + suffix, value));
        }
        long revision = store.txn(Txn.always(ops)).revision();
        return event.withId(revision);
    }

    /** Every stored event under {@code prefix} ({@link KeySpace#EVENTS} or {@link KeySpace#ERRORS}), oldest first. */
    public List<Event> read(String prefix) {
        List<Event> events = new ArrayList<>();
        for (KeyValue kv : store.range(prefix).kvs()) {
            events.add(decode(kv));
        }
        events.sort((a, b) -> Long.compare(a.id(), b.id()));
        return events;
    }

    public static Event decode(KeyValue kv) {
        return StoreJson.read(kv.value(), Event.class).withId(kv.createRevision());
    }

    /** Deletes the oldest events under {@code prefix} beyond {@code keep}; returns how many it deleted. */
    public int trim(String prefix, int keep) {
        List<KeyValue> kvs = store.range(prefix).kvs();
        int excess = kvs.size() - keep;
        for (int i = 0; i < excess; i += 100) {
            List<Op> deletes = new ArrayList<>();
            for (int j = i; j < Math.min(excess, i + 100); j++) {
                deletes.add(Op.delete(kvs.get(j).key()));
            }
            store.txn(Txn.always(deletes));
        }
        return Math.max(0, excess);
    }
}
