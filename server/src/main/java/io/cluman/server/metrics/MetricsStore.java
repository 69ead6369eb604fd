package io.cluman.server.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Per-series metric history under {@code <data>/fbstorage}: every point goes to the raw tier at once; the
 * 1-minute and 10-minute rollups of each series are accumulated in memory (one open bucket per series and
 * tier) and appended when a point of a later bucket arrives, on {@link #flush()} and on {@link #close()}. No
 * rescans: a point costs one raw record plus, when a bucket closes, one rollup record. A crash loses at most
 * the open buckets (up to 1 minute of the 1-minute tier and 10 minutes of the 10-minute tier); raw records are
 * written through to the OS at once, not fsynced (a power loss may lose what the OS had not written).
 * <p>
 * Points of one series must come in time order, at most one per second: an older or same-second point is
 * refused ({@code append} returns false). Sealing, age and size retention run every
 * {@link #MAINTAIN_EVERY_SECONDS} of clock time during appends, and on {@link #maintain()}.
 * <p>
 * Thread-safe: appends, flushes and maintenance take a write lock, queries a read lock (so queries run
 * together, and a query holds appends off for its duration — a 30-day query is a few milliseconds).
 */
public final class MetricsStore implements AutoCloseable {
    /** The folder under the server's data directory. */
    public static final String DIRECTORY = "fbstorage";
    static final long MAINTAIN_EVERY_SECONDS = 10;

    private final InstantSource clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SeriesNames names;
    private final Map<Tier, TierFiles> tiers = new EnumMap<>(Tier.class);
    private final List<OpenBuckets> open = new ArrayList<>();
    private long lastMaintained = Long.MIN_VALUE;

    private MetricsStore(Path dataDir, InstantSource clock, MetricsLimits limits) {
        this.clock = clock;
        Path root = dataDir.resolve(DIRECTORY);
        this.names = new SeriesNames(root);
        for (Tier tier : Tier.values()) {
            tiers.put(tier, new TierFiles(tier, root, limits.bytes(tier)));
        }
        for (int i = 0; i < names.size(); i++) {
            open.add(new OpenBuckets());
        }
    }

    /** Opens the history under {@code dataDir/fbstorage} (created if missing) and runs maintenance once. */
    public static MetricsStore open(Path dataDir, InstantSource clock, MetricsLimits limits) {
        MetricsStore store = new MetricsStore(Objects.requireNonNull(dataDir, "dataDir"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(limits, "limits"));
        store.maintain();
        return store;
    }

    public static MetricsStore open(Path dataDir, InstantSource clock) {
        return open(dataDir, clock, MetricsLimits.DEFAULT);
    }

    /**
     * Records {@code value} of {@code series} at {@code time} (truncated to the second). False when refused:
     * not after the series' last point, or too old for the raw tier's open segments.
     *
     * @throws IllegalArgumentException for a blank or multi-line key or a value that is not finite
     */
    public boolean append(String series, Instant time, double value) {
        SeriesNames.validate(series);
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric value must be finite: " + value);
        }
        long second = time.getEpochSecond();
        lock.writeLock().lock();
        try {
            long now = clock.instant().getEpochSecond();
            int index = names.indexOf(series);
            if (index == open.size()) {
                open.add(new OpenBuckets());
            }
            OpenBuckets buckets = open.get(index);
            if (second <= buckets.lastSecond || !tiers.get(Tier.RAW).append(index, Rollup.of(second, value), now)) {
                return false;
            }
            buckets.lastSecond = second;
            add(index, buckets.minute, Tier.MINUTE, second, value, now);
            add(index, buckets.tenMinutes, Tier.TEN_MINUTES, second, value, now);
            if (now - lastMaintained >= MAINTAIN_EVERY_SECONDS) {
                maintainLocked(now);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void add(int index, Rollup bucket, Tier tier, long second, double value, long now) {
        long start = tier.bucketStart(second);
        if (!bucket.isEmpty() && bucket.start != start) {
            tiers.get(tier).append(index, bucket, now);
            bucket.reset(start);
        } else if (bucket.isEmpty()) {
            bucket.reset(start);
        }
        bucket.add(value);
    }

    /**
     * The history of {@code series} in [{@code from}, {@code to}) in buckets of {@code step} (aligned to the
     * epoch), oldest first, empty buckets left out. Read from the coarsest tier whose buckets are no wider than
     * {@code step} and whose retention reaches back to {@code from}; see {@link #tierFor}. An unknown series
     * gives an empty list.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to} or {@code step} is not positive
     */
    public List<MetricPoint> query(String series, Instant from, Instant to, Duration step) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        long stepSeconds = Math.max(1, step.toSeconds());
        long fromSecond = from.getEpochSecond();
        long toSecond = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        TreeMap<Long, Rollup> out = new TreeMap<>();
        lock.readLock().lock();
        try {
            Optional<Integer> index = names.find(series);
            if (index.isEmpty()) {
                return List.of();
            }
            Tier tier = tierFor(fromSecond, stepSeconds, clock.instant().getEpochSecond());
            java.util.function.Consumer<Rollup> sink = r -> out.computeIfAbsent(
                    Math.floorDiv(r.start, stepSeconds) * stepSeconds, Rollup::new).merge(r);
            tiers.get(tier).read(index.get(), fromSecond, toSecond, sink);
            Rollup pending = open.get(index.get()).of(tier);
            if (pending != null && !pending.isEmpty() && pending.start >= fromSecond && pending.start < toSecond) {
                sink.accept(pending);
            }
        } finally {
            lock.readLock().unlock();
        }
        return out.values().stream().map(Rollup::toPoint).toList();
    }

    /**
     * The tier a query reads: the coarsest whose buckets are no wider than the step and whose retention reaches
     * {@code from}; if the step is finer than every tier reaching {@code from}, the finest that reaches it; if
     * none reaches it, the 10-minute tier (the longest kept).
     */
    static Tier tierFor(long fromSecond, long stepSeconds, long nowSecond) {
        Tier fitting = null;
        Tier reaching = null;
        for (Tier tier : Tier.values()) {
            boolean reaches = fromSecond >= nowSecond - tier.retention().toSeconds();
            if (reaches && reaching == null) {
                reaching = tier;
            }
            if (reaches && tier.bucketSeconds() <= stepSeconds) {
                fitting = tier;
            }
        }
        return fitting != null ? fitting : reaching != null ? reaching : Tier.TEN_MINUTES;
    }

    /** Appends every open bucket as it stands (a later point of the same bucket starts a new part). */
    public void flush() {
        lock.writeLock().lock();
        try {
            long now = clock.instant().getEpochSecond();
            for (int i = 0; i < open.size(); i++) {
                for (Tier tier : List.of(Tier.MINUTE, Tier.TEN_MINUTES)) {
                    Rollup bucket = open.get(i).of(tier);
                    if (!bucket.isEmpty()) {
                        tiers.get(tier).append(i, bucket, now);
                        bucket.reset(bucket.start);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Seals segments no record can reach any more, then deletes by age and by size cap. */
    public void maintain() {
        lock.writeLock().lock();
        try {
            maintainLocked(clock.instant().getEpochSecond());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void maintainLocked(long now) {
        tiers.values().forEach(t -> t.maintain(now));
        lastMaintained = now;
    }

    /** Bytes on disk in {@code tier}. */
    public long bytes(Tier tier) {
        lock.readLock().lock();
        try {
            return tiers.get(tier).bytes();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Start times of {@code tier}'s segment files, oldest first. */
    List<Long> segmentStarts(Tier tier) {
        lock.readLock().lock();
        try {
            return tiers.get(tier).segmentStarts();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Flushes the open buckets and closes the files; the history stays for the next {@code open}. */
    @Override
    public void close() {
        flush();
        lock.writeLock().lock();
        try {
            tiers.values().forEach(TierFiles::close);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A series' last point time and its open 1-minute and 10-minute buckets. */
    private static final class OpenBuckets {
        long lastSecond = Long.MIN_VALUE;
        final Rollup minute = new Rollup(0);
        final Rollup tenMinutes = new Rollup(0);

        Rollup of(Tier tier) {
            return switch (tier) {
                case RAW -> null;
                case MINUTE -> minute;
                case TEN_MINUTES -> tenMinutes;
            };
        }
    }
}
