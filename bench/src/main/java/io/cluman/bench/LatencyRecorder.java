package io.cluman.bench;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every latency sample, in microseconds, kept exactly (10,000 nodes × 120 s / 5 s is 240,000 longs)
 * with when it started, and sorted once for the percentiles. Thread-safe: recording takes a lock for
 * an array store, which costs nothing next to an HTTP round trip.
 */
final class LatencyRecorder {
    private final ReentrantLock lock = new ReentrantLock();
    private long[] samples = new long[1 << 16];
    private long[] starts = new long[1 << 16];
    private int count;

    void record(long micros) {
        record(micros, 0);
    }

    /** One sample of {@code micros} that started at {@code startNanos} ({@link System#nanoTime()}). */
    void record(long micros, long startNanos) {
        lock.lock();
        try {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, samples.length * 2);
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count] = startNanos;
            samples[count++] = micros;
        } finally {
            lock.unlock();
        }
    }

    /** Writes {@code start_ms,latency_us} lines, start relative to {@code originNanos}, in recording order. */
    void writeCsv(java.nio.file.Path file, long originNanos) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("start_ms,latency_us\n");
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                csv.append((starts[i] - originNanos) / 1_000_000).append(',').append(samples[i]).append('\n');
            }
        } finally {
            lock.unlock();
        }
        java.nio.file.Files.writeString(file, csv);
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
