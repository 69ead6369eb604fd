package io.cluman.bench;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodeView;
import io.cluman.model.event.Action;
import io.cluman.model.event.Event;
import io.cluman.model.event.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects the server's {@code offline} node events from the start of the run, by polling
 * {@code GET /v1/events?topic=node&since=ID} every two seconds (the server keeps only the newest
 * events, so it must not fall behind), and counts the nodes the server shows as off. Every simulated
 * agent keeps beating, so each off is a false one. Started, polled and stopped by one thread.
 */
final class OfflineWatch {
    private static final int LIMIT = 10_000;
    private static final long POLL_MILLIS = 2_000;

    private final ClumanClient admin;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Event> offline = new ArrayList<>();
    private long lastId;
    private long polls;
    private boolean mayHaveMissed;
    private volatile String lastError = "";
    private volatile boolean stopped;
    private Thread thread;

    OfflineWatch(ClumanClient admin) {
        this.admin = admin;
    }

    /** Remembers the newest event id now, so only later events count, and starts polling. */
    void start() {
        List<Event> newest = admin.events(Map.of("limit", "1"));
        lastId = newest.isEmpty() ? 0 : newest.getLast().id();
        thread = Thread.ofVirtual().name("offline-watch").start(this::loop);
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            poll();
        }
    }

    private void poll() {
        lock.lock();
        try {
            List<Event> events = admin.events(Map.of("topic", Topic.NODE.busName(), "since", Long.toString(lastId),
                    "limit", Integer.toString(LIMIT)));
            polls++;
            mayHaveMissed |= events.size() >= LIMIT;
            for (Event e : events) {
                lastId = Math.max(lastId, e.id());
                if (e.action() == Action.OFFLINE) {
                    offline.add(e);
                }
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
        } finally {
            lock.unlock();
        }
    }

    /** Stops polling after one last poll. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
        poll();
    }

    /** The offline events of {@code ids}, with when they happened. */
    Offs offs(Set<String> ids, Instant windowStart, Instant windowEnd) {
        lock.lock();
        try {
            List<Event> ours = offline.stream().filter(e -> ids.contains(e.objectId())).toList();
            long inWindow = ours.stream()
                    .filter(e -> !e.time().isBefore(windowStart) && e.time().isBefore(windowEnd)).count();
            return new Offs(ours.size(), inWindow, ours.stream().limit(5).map(Event::message).toList(), polls,
                    mayHaveMissed, lastError);
        } finally {
            lock.unlock();
        }
    }

    /** How many of {@code ids} the server shows as off now ({@code GET /v1/nodes?on=false}); -1 if it cannot say. */
    long offNow(Set<String> ids) {
        try {
            List<NodeView> off = admin.nodes(Map.of("on", "false"));
            return off.stream().filter(n -> ids.contains(n.id())).count();
        } catch (RuntimeException e) {
            lastError = "GET /v1/nodes?on=false: " + e;
            return -1;
        }
    }

    /**
     * @param total        offline events of simulated nodes over the whole run (joins included)
     * @param inWindow     of those, the ones inside the measured window
     * @param examples     the first few event messages
     * @param mayHaveMissed a poll came back full, so older events may have been dropped by the server
     */
    record Offs(long total, long inWindow, List<String> examples, long polls, boolean mayHaveMissed,
                String lastError) {
    }
}
