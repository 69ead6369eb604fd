package io.cluman.bench;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every latency sample, in microseconds, kept exactly (10,000 nodes × 120 s / 5 s is 240,000 longs)
 * and sorted once for the percentiles. Thread-safe: recording takes a lock for an array store, which
 * costs nothing next to an HTTP round trip.
 */
final class LatencyRecorder {
    private final ReentrantLock lock = new ReentrantLock();
    private long[] samples = new long[1 << 16];
    private int count;

    void record(long micros) {
        lock.lock();
        try {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, samples.length * 2);
            }
            samples[count++] = micros;
        } finally {
            lock.unlock();
        }
    }

    /** The samples so far, sorted. */
    Summary summary() {
        long[] sorted;
        lock.lock();
        try {
            sorted = Arrays.copyOf(samples, count);
        } finally {
            lock.unlock();
        }
        Arrays.sort(sorted);
        return new Summary(sorted);
    }

    /** Sorted samples in microseconds, and their percentiles. */
    record Summary(long[] sorted) {
        int count() {
            return sorted.length;
        }

        /** The sample at quantile {@code q} (0..1, nearest rank), in milliseconds; NaN without samples. */
        double millisAt(double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1000.0;
        }

        double maxMillis() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0;
        }

        /** How many samples exceed {@code millis}. */
        long above(double millis) {
            long limit = (long) (millis * 1000);
            int i = Arrays.binarySearch(sorted, limit + 1);
            int firstAbove = i >= 0 ? firstIndexOf(i) : -i - 1;
            return sorted.length - firstAbove;
        }

        private int firstIndexOf(int index) {
            int i = index;
            while (i > 0 && sorted[i - 1] == sorted[index]) {
                i--;
            }
            return i;
        }
    }
}
