package io.cluman.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One segment file of a tier: the records of every series whose time falls in
 * [{@code start}, {@code start + tier.segmentSeconds()}), in arrival order, and where each series' records are.
 * <p>
 * While <em>open</em>, records are appended ({@code <start>.seg}) and the record numbers of each series are kept
 * in memory. {@link #seal()} writes them to a sidecar ({@code <start>.idx}: series count, then
 * {@code (series, first, count)} sorted by series, then the record numbers) and maps both files read-only; a
 * sealed segment never changes. Reopening a segment without a sidecar rescans it (dropping a torn last record).
 * Not thread-safe: {@link MetricsStore} guards it (appends under its write lock, reads under its read lock).
 */
final class Segment implements AutoCloseable {
    private static final int ENTRY = 12;

    private final Tier tier;
    private final long start;
    private final Path data;
    private final Path index;
    private FileChannel channel;
    private long records;
    private Map<Integer, IntList> positions = new HashMap<>();
    private MappedByteBuffer sealedData;
    private MappedByteBuffer sealedIndex;

    private Segment(Tier tier, long start, Path dir) {
        this.tier = tier;
        this.start = start;
        this.data = dir.resolve(start + ".seg");
        this.index = dir.resolve(start + ".idx");
    }

    /** Opens (or creates) the segment at {@code start}; a segment with a sidecar comes back sealed. */
    static Segment open(Tier tier, long start, Path dir) {
        Segment s = new Segment(tier, start, dir);
        try {
            if (Files.exists(s.index) && Files.exists(s.data)) {
                s.mapSealed();
            } else {
                Files.deleteIfExists(s.index);
                s.channel = FileChannel.open(s.data, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                s.rescan();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics segment " + s.data, e);
        }
        return s;
    }

    long start() {
        return start;
    }

    long end() {
        return start + tier.segmentSeconds();
    }

    boolean sealed() {
        return sealedData != null;
    }

    long bytes() {
        return records * tier.recordBytes() + (sealed() ? sealedIndex.capacity() : 0);
    }

    void append(int series, Rollup rollup) {
        ByteBuffer buffer = ByteBuffer.allocate(tier.recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
        RecordCodec.write(tier, buffer, series, rollup);
        buffer.flip();
        try {
            long at = records * tier.recordBytes();
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to metrics segment " + data, e);
        }
        positions.computeIfAbsent(series, k -> new IntList()).add((int) records++);
    }

    /** Gives {@code sink} the records of {@code series} whose time is in [{@code from}, {@code to}). */
    void read(int series, long from, long to, Consumer<Rollup> sink) {
        if (sealed()) {
            readSealed(series, from, to, sink);
            return;
        }
        IntList list = positions.get(series);
        if (list == null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(tier.recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < list.size(); i++) {
            buffer.clear();
            readFully(buffer, (long) list.get(i) * tier.recordBytes());
            emit(RecordCodec.read(tier, buffer, 0), from, to, sink);
        }
    }

    private void readSealed(int series, long from, long to, Consumer<Rollup> sink) {
        int entries = sealedIndex.getInt(0);
        int lo = 0;
        int hi = entries - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = 4 + mid * ENTRY;
            int s = sealedIndex.getInt(at);
            if (s < series) {
                lo = mid + 1;
            } else if (s > series) {
                hi = mid - 1;
            } else {
                int first = sealedIndex.getInt(at + 4);
                int count = sealedIndex.getInt(at + 8);
                int numbers = 4 + entries * ENTRY;
                for (int i = 0; i < count; i++) {
                    int record = sealedIndex.getInt(numbers + 4 * (first + i));
                    emit(RecordCodec.read(tier, sealedData, record * tier.recordBytes()), from, to, sink);
                }
                return;
            }
        }
    }

    private static void emit(Rollup r, long from, long to, Consumer<Rollup> sink) {
        if (r.start >= from && r.start < to) {
            sink.accept(r);
        }
    }

    /** Writes the sidecar and makes the segment read-only. Idempotent. */
    void seal() {
        if (sealed()) {
            return;
        }
        int total = positions.values().stream().mapToInt(IntList::size).sum();
        ByteBuffer out = ByteBuffer.allocate(4 + positions.size() * ENTRY + 4 * total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(positions.size());
        int first = 0;
        int[] order = positions.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int series : order) {
            out.putInt(series).putInt(first).putInt(positions.get(series).size());
            first += positions.get(series).size();
        }
        for (int series : order) {
            IntList list = positions.get(series);
            for (int i = 0; i < list.size(); i++) {
                out.putInt(list.get(i));
            }
        }
        try {
            channel.force(false);
            channel.close();
            Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
            Files.write(tmp, out.array());
            Files.move(tmp, index, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            mapSealed();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal metrics segment " + data, e);
        }
    }

    void delete() {
        close();
        try {
            Files.deleteIfExists(index);
            Files.deleteIfExists(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete metrics segment " + data, e);
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close metrics segment " + data, e);
        }
    }

    private void mapSealed() throws IOException {
        try (FileChannel d = FileChannel.open(data, StandardOpenOption.READ);
                FileChannel i = FileChannel.open(index, StandardOpenOption.READ)) {
            records = d.size() / tier.recordBytes();
            sealedData = d.map(FileChannel.MapMode.READ_ONLY, 0, records * tier.recordBytes());
            sealedData.order(ByteOrder.LITTLE_ENDIAN);
            sealedIndex = i.map(FileChannel.MapMode.READ_ONLY, 0, i.size());
            sealedIndex.order(ByteOrder.LITTLE_ENDIAN);
        }
        positions = Map.of();
        channel = null;
    }

    /** Rebuilds the per-series record numbers of an open segment, cutting a torn last record. */
    private void rescan() throws IOException {
        int size = tier.recordBytes();
        long whole = channel.size() / size;
        channel.truncate(whole * size);
        ByteBuffer buffer = ByteBuffer.allocate(size * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (long done = 0; done < whole; ) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), (whole - done) * size));
            readFully(buffer, done * size);
            for (int at = 0; at < buffer.limit(); at += size) {
                positions.computeIfAbsent(RecordCodec.series(buffer, at), k -> new IntList()).add((int) done++);
            }
        }
        records = whole;
    }

    private void readFully(ByteBuffer buffer, long at) {
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new IOException("unexpected end of " + data);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metrics segment " + data, e);
        }
    }

    /** A growable array of ints (record numbers), 4 bytes each instead of a boxed list's ~20. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }
}
