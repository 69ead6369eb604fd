package io.cluman.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link WatchListener} that records what it receives, for assertions. */
public final class EventCollector implements WatchListener {
    private final List<List<WatchEvent>> batches = new CopyOnWriteArrayList<>();
    private final AtomicReference<StoreException> error = new AtomicReference<>();

    @Override
    public void onEvents(List<WatchEvent> events) {
        batches.add(List.copyOf(events));
    }

    @Override
    public void onError(StoreException failure) {
        error.set(failure);
    }

    /** Every batch received so far, in order. */
    public List<List<WatchEvent>> batches() {
        return List.copyOf(batches);
    }

    /** Every event received so far, in order. */
    public List<WatchEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** The keys of the events received so far, in order. */
    public List<String> keys() {
        return events().stream().map(WatchEvent::key).toList();
    }

    /** The error that ended the watch, or null. */
    public StoreException error() {
        return error.get();
    }
}
