package io.cluman.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The segment files of one tier under {@code fbstorage/<tier>}, by start time. A record goes to the segment
 * its time falls in; segments are sealed once no record can still arrive for them ({@link #SEAL_GRACE_SECONDS}
 * after their end plus one bucket) and deleted whole: by age once their end is past the retention, and
 * oldest first while the tier is over its size cap (the newest segment is never deleted for size). Not
 * thread-safe: {@link MetricsStore} guards it.
 */
final class TierFiles implements AutoCloseable {
    /** How long after a segment's last bucket closes a late record is still taken. */
    static final long SEAL_GRACE_SECONDS = 60;

    private final Tier tier;
    private final Path dir;
    private final long maxBytes;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private long dropped;

    TierFiles(Tier tier, Path fbstorage, long maxBytes) {
        this.tier = tier;
        this.dir = fbstorage.resolve(tier.directory());
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.matches("-?\\d+\\.seg"))
                        .map(n -> Long.parseLong(n.substring(0, n.length() - 4)))
                        .forEach(start -> segments.put(start, Segment.open(tier, start, dir)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics tier " + dir, e);
        }
    }

    /** Appends {@code rollup}; false (and counted as dropped) when its segment is sealed or past retention. */
    boolean append(int series, Rollup rollup, long nowSecond) {
        long start = tier.segmentStart(rollup.start);
        Segment segment = segments.get(start);
        if (segment == null) {
            if (start + tier.segmentSeconds() <= nowSecond - tier.retention().toSeconds()
                    || (!segments.isEmpty() && start < segments.firstKey())) {
                dropped++;
                return false;
            }
            segment = Segment.open(tier, start, dir);
            segments.put(start, segment);
        } else if (segment.sealed()) {
            dropped++;
            return false;
        }
        segment.append(series, rollup);
        return true;
    }

    /** Gives {@code sink} the records of {@code series} in [{@code from}, {@code to}), oldest segment first. */
    void read(int series, long from, long to, Consumer<Rollup> sink) {
        for (Segment s : segments.subMap(tier.segmentStart(from), true, to, false).values()) {
            s.read(series, from, to, sink);
        }
    }

    /** Seals what can no longer change, then deletes by age and by size. */
    void maintain(long nowSecond) {
        for (Segment s : segments.values()) {
            if (!s.sealed() && s.end() + tier.bucketSeconds() + SEAL_GRACE_SECONDS <= nowSecond) {
                s.seal();
            }
        }
        long oldestKept = nowSecond - tier.retention().toSeconds();
        while (!segments.isEmpty() && segments.firstEntry().getValue().end() <= oldestKept) {
            segments.pollFirstEntry().getValue().delete();
        }
        long total = bytes();
        while (total > maxBytes && segments.size() > 1) {
            Segment oldest = segments.pollFirstEntry().getValue();
            total -= oldest.bytes();
            oldest.delete();
        }
    }

    /** Bytes on disk, data and sidecars. */
    long bytes() {
        return segments.values().stream().mapToLong(Segment::bytes).sum();
    }

    /** Start times of the segments, oldest first (for tests and operations). */
    java.util.List<Long> segmentStarts() {
        return java.util.List.copyOf(segments.keySet());
    }

    long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        segments.values().forEach(Segment::close);
    }
}
