package io.cluman.server.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recommendations of one service over the scale-down delay: growing follows a recommendation at once,
 * shrinking only to the highest recommendation of the delay, so the count drops only after the load has stayed
 * low for the whole delay (and, after the policy is set or the leader starts, not before one delay has passed).
 * Not thread-safe: one autoscaler thread uses it.
 */
final class ScaleDownWindow {
    private final Deque<Entry> entries = new ArrayDeque<>();

    /**
     * Records {@code recommended} at {@code now} and answers the count to set for a service of {@code replicas}:
     * {@code recommended} when it is at least {@code replicas}, else the highest recommendation since
     * {@code now - delay}, never above {@code replicas}.
     */
    int settle(int replicas, int recommended, Instant now, Duration delay) {
        if (entries.isEmpty()) {
            entries.addLast(new Entry(now, replicas)); // the count found counts too: no shrinking before a delay
        }
        entries.addLast(new Entry(now, recommended));
        Instant since = now.minus(delay);
        while (entries.size() > 1 && !entries.peekFirst().at().isAfter(since)) {
            entries.removeFirst();
        }
        if (recommended >= replicas) {
            return recommended;
        }
        int highest = entries.stream().mapToInt(Entry::replicas).max().orElse(recommended);
        return Math.min(replicas, highest);
    }

    /** Forgets the history: the policy changed, or the count was set by hand. */
    void clear() {
        entries.clear();
    }

    private record Entry(Instant at, int replicas) {
    }
}
