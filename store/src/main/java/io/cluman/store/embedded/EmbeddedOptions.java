package io.cluman.store.embedded;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of an {@link EmbeddedKvStore}.
 *
 * @param snapshotAfterRecords log records after which a snapshot is taken and a new log segment begins
 * @param watchHistoryEvents   how many recent events watches can start from (older: Compacted)
 * @param leaseCheckInterval   how often lease deadlines are checked against the clock
 */
public record EmbeddedOptions(long snapshotAfterRecords, int watchHistoryEvents, Duration leaseCheckInterval) {
    public EmbeddedOptions {
        if (snapshotAfterRecords < 1) {
            throw new IllegalArgumentException("snapshotAfterRecords must be at least 1: " + snapshotAfterRecords);
        }
        if (watchHistoryEvents < 1) {
            throw new IllegalArgumentException("watchHistoryEvents must be at least 1: " + watchHistoryEvents);
        }
        Objects.requireNonNull(leaseCheckInterval, "leaseCheckInterval");
        if (leaseCheckInterval.isNegative() || leaseCheckInterval.isZero()) {
            throw new IllegalArgumentException("leaseCheckInterval must be positive: " + leaseCheckInterval);
        }
    }

    /** 100,000 records per snapshot, 50,000 events of watch history, lease checks every 100 ms. */
    public static EmbeddedOptions defaults() {
        return new EmbeddedOptions(100_000, 50_000, Duration.ofMillis(100));
    }

    public EmbeddedOptions withSnapshotAfterRecords(long records) {
        return new EmbeddedOptions(records, watchHistoryEvents, leaseCheckInterval);
    }

    public EmbeddedOptions withWatchHistoryEvents(int events) {
        return new EmbeddedOptions(snapshotAfterRecords, events, leaseCheckInterval);
    }

    public EmbeddedOptions withLeaseCheckInterval(Duration interval) {
        return new EmbeddedOptions(snapshotAfterRecords, watchHistoryEvents, interval);
    }
}
