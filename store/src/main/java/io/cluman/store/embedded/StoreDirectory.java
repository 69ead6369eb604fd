package io.cluman.store.embedded;

import io.cluman.store.StoreException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one embedded store, held under an exclusive lock for as long as the store is open.
 *
 * <pre>
 * LOCK                       exclusive OS file lock; holds the owner's pid, for the error message
 * snapshot.bin               the last complete snapshot (replaced by atomic rename)
 * snapshot.tmp               a snapshot being written; ignored and removed on open
 * wal-0000000000000007.log   log segments; the snapshot names the first one to replay after it
 * </pre>
 */
final class StoreDirectory implements Closeable {
    private static final Pattern SEGMENT = Pattern.compile("wal-(\\d{16})\\.log");

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StoreDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws StoreException.Unavailable when another process (or another store in this JVM) has it open
     */
    static StoreDirectory lock(Path root) throws IOException {
        Files.createDirectories(root);
        Path lockFile = root.resolve("LOCK");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String owner = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new StoreException.Unavailable("store directory " + root + " is already open in another process"
                    + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; stop it or use another directory", null);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new StoreDirectory(root, channel, lock);
    }

    Path root() {
        return root;
    }

    Path snapshot() {
        return root.resolve("snapshot.bin");
    }

    Path snapshotTemp() {
        return root.resolve("snapshot.tmp");
    }

    Path segment(long generation) {
        return root.resolve("wal-%016d.log".formatted(generation));
    }

    /** The generations of the log segments present, ascending. */
    List<Long> segmentGenerations() throws IOException {
        List<Long> generations = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = SEGMENT.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    generations.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        generations.sort(null);
        return generations;
    }

    /** Deletes the segments older than {@code generation} (already covered by a snapshot). */
    void deleteSegmentsBefore(long generation) throws IOException {
        for (long old : segmentGenerations()) {
            if (old < generation) {
                Files.deleteIfExists(segment(old));
            }
        }
        syncDirectory();
    }

    /** Makes creations, renames and deletions in the directory durable. */
    void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(root, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
