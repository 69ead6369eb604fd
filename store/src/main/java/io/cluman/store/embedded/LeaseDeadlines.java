package io.cluman.store.embedded;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each lease expires. Runtime state only: it is not logged, and on open every lease starts with
 * its full TTL again (as etcd does after a leader change).
 *
 * <p>Thread-safe. The store makes "check expired, then revoke" and "check alive, then refresh" atomic
 * with its own lock (revoke under the write lock, refresh under the read lock).
 */
final class LeaseDeadlines {
    private final InstantSource clock;
    private final Map<Long, Instant> deadlines = new ConcurrentHashMap<>();

    LeaseDeadlines(InstantSource clock) {
        this.clock = clock;
    }

    /** Gives a lease its full TTL from now. */
    void start(long leaseId, long ttlMillis) {
        deadlines.put(leaseId, clock.instant().plusMillis(ttlMillis));
    }

    /** Gives a live lease its full TTL again; returns false when it has no deadline or its deadline passed. */
    boolean refresh(long leaseId, long ttlMillis) {
        Instant now = clock.instant();
        Instant deadline = deadlines.get(leaseId);
        if (deadline == null || !now.isBefore(deadline)) {
            return false;
        }
        deadlines.put(leaseId, now.plusMillis(ttlMillis));
        return true;
    }

    boolean expired(long leaseId) {
        Instant deadline = deadlines.get(leaseId);
        return deadline != null && !clock.instant().isBefore(deadline);
    }

    /** The leases whose deadline has passed. */
    List<Long> expired() {
        Instant now = clock.instant();
        return deadlines.entrySet().stream()
                .filter(entry -> !now.isBefore(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    void remove(long leaseId) {
        deadlines.remove(leaseId);
    }
}
