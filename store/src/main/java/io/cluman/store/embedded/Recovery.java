package io.cluman.store.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the state of a store directory: the last snapshot, then every log segment from the
 * snapshot's generation on, in order.
 *
 * <p>Only the last segment may end in a torn frame (the process died while appending; that record was
 * never acknowledged). It is cut off so the next append follows a whole frame. A bad frame in an
 * earlier segment means corruption (segments are forced before the next one starts) and fails the open.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** The recovered state, the open segment to continue appending to, and how many records it holds. */
    record Recovered(Keyspace keyspace, long generation, FileChannel segment, long recordsInSegment) {
    }

    private Recovery() {
    }

    static Recovered recover(StoreDirectory directory) throws IOException {
        Files.deleteIfExists(directory.snapshotTemp());
        long generation = 0;
        Keyspace keyspace = new Keyspace();
        if (Files.exists(directory.snapshot())) {
            SnapshotFile.Loaded loaded = SnapshotFile.read(directory.snapshot());
            generation = loaded.generation();
            keyspace = loaded.keyspace();
        }
        long first = generation;
        List<Long> segments = directory.segmentGenerations().stream().filter(g -> g >= first).toList();
        long records = 0;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            records = replay(directory, segments.get(i), keyspace, last);
        }
        directory.deleteSegmentsBefore(first);
        long current = segments.isEmpty() ? generation : segments.getLast();
        FileChannel channel = openForAppend(directory, current);
        LOG.info("opened store {} at revision {} ({} keys, log generation {})", directory.root(),
                keyspace.revision(), keyspace.keyCount(), current);
        return new Recovered(keyspace, current, channel, segments.isEmpty() ? 0 : records);
    }

    private static long replay(StoreDirectory directory, long generation, Keyspace keyspace, boolean last)
            throws IOException {
        Path file = directory.segment(generation);
        LogSegment.Replay replay;
        try {
            replay = LogSegment.replay(file, keyspace::apply);
        } catch (IllegalStateException e) {
            throw new IOException("log segment " + file + " does not follow the state before it", e);
        }
        if (replay.torn()) {
            if (!last) {
                throw new IOException("log segment " + file + " is corrupt (" + replay.tornReason()
                        + ") and is not the last one");
            }
            LOG.warn("cutting the torn tail of {} at {} bytes: {}", file, replay.validBytes(), replay.tornReason());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(replay.validBytes());
                channel.force(true);
            }
        }
        return replay.records();
    }

    private static FileChannel openForAppend(StoreDirectory directory, long generation) throws IOException {
        Path file = directory.segment(generation);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.position(channel.size());
        if (created) {
            directory.syncDirectory();
        }
        return channel;
    }
}
