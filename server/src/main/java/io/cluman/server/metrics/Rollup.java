package io.cluman.server.metrics;

/**
 * Count, min, max and sum of the values in one bucket starting at {@code start} (epoch seconds). Mutable: the
 * open bucket of a series grows in place as points arrive; merging two rollups of the same bucket (a bucket
 * written in parts, across a flush or a restart) gives the rollup of all their points. Not thread-safe.
 */
final class Rollup {
    long start;
    long count;
    double min;
    double max;
    double sum;

    Rollup(long start) {
        reset(start);
    }

    /** A rollup of one point. */
    static Rollup of(long start, double value) {
        Rollup r = new Rollup(start);
        r.add(value);
        return r;
    }

    static Rollup of(long start, long count, double min, double max, double sum) {
        Rollup r = new Rollup(start);
        r.count = count;
        r.min = min;
        r.max = max;
        r.sum = sum;
        return r;
    }

    void reset(long newStart) {
        start = newStart;
        count = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        sum = 0;
    }

    void add(double value) {
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += value;
    }

    void merge(Rollup other) {
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        sum += other.sum;
    }

    boolean isEmpty() {
        return count == 0;
    }

    MetricPoint toPoint() {
        return new MetricPoint(java.time.Instant.ofEpochSecond(start), min, sum / count, max, count);
    }
}
