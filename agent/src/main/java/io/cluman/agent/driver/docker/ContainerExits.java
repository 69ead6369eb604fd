package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells waiters when a container ends, from one stream of the engine's {@code die} and {@code destroy}
 * events: one connection for every waiting task, instead of a wait request (and a connection) each.
 * When the stream breaks (the engine restarts) every waiter is woken, exceptionally, so each looks again for itself;
 * the next {@link #next} opens a new stream. Thread-safe.
 */
final class ContainerExits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerExits.class);

    private final DockerClient docker;
    private final Map<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    private Closeable stream;
    private boolean closed;

    ContainerExits(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * A future completed when container {@code id} dies or is removed, or completed exceptionally when the event
     * stream breaks or this closes (the container may still run).
     * Register before looking at the container, so an end between the look and the wait is not missed.
     * Pass it to {@link #forget} when done.
     *
     * @return whether events arrive; when false the future may never complete: wait a bounded time
     */
    boolean next(String id, CompletableFuture<Void> end) {
        waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(end);
        return ensureStream();
    }

    void forget(String id, CompletableFuture<Void> end) {
        waiters.computeIfPresent(id, (k, list) -> {
            list.remove(end);
            return list.isEmpty() ? null : list;
        });
    }

    private synchronized boolean ensureStream() {
        if (stream != null || closed) {
            return stream != null;
        }
        try {
            stream = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withEventFilter("die", "destroy")
                    .exec(new Listener());
            return true;
        } catch (RuntimeException e) {
            LOG.debug("cannot follow the engine's events: {}", e.toString());
            return false;
        }
    }

    private synchronized void streamEnded(Closeable ended) {
        if (stream == ended) {
            stream = null;
        }
        wakeAll("the engine's event stream ended");
    }

    private void wakeAll(String why) {
        IllegalStateException broken = new IllegalStateException(why);
        waiters.values().forEach(list -> list.forEach(f -> f.completeExceptionally(broken)));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.debug("closing the event stream: {}", e.toString());
            }
            stream = null;
        }
        wakeAll("closed");
    }

    private final class Listener extends ResultCallback.Adapter<Event> {
        @Override
        public void onNext(Event event) {
            List<CompletableFuture<Void>> list = event.getId() == null ? null : waiters.get(event.getId());
            if (list != null) {
                list.forEach(f -> f.complete(null));
            }
        }

        @Override
        public void onError(Throwable error) {
            LOG.debug("the engine's event stream broke: {}", error.toString());
            streamEnded(this);
            super.onError(error);
        }

        @Override
        public void onComplete() {
            streamEnded(this);
            super.onComplete();
        }
    }
}
