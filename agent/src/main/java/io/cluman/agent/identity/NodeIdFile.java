package io.cluman.agent.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The file {@code <dataDir>/node-id}, holding the node id (one line). Writes are atomic: the id goes
 * to a temporary file in the same directory, is forced to disk, then renamed over the old one, so a
 * crash leaves either the old id or the new one, never a torn file.
 *
 * <p>Thread-safe in the sense that readers never see a partial file; concurrent writers are not
 * expected (one agent per data dir).
 */
public final class NodeIdFile {
    static final String FILE_NAME = "node-id";

    private final Path dataDir;
    private final Path file;

    public NodeIdFile(Path dataDir) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The kept id; empty before the first join (no file, or an empty one). */
    public Optional<String> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node id from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps {@code id}, replacing any earlier one atomically. Creates the data dir when missing. */
    public void write(String id) {
        if (id == null || id.isBlank() || id.strip().contains("\n")) {
            throw new IllegalArgumentException("not a node id: '" + id + "'");
        }
        Path temp = null;
        try {
            Files.createDirectories(dataDir);
            temp = Files.createTempFile(dataDir, FILE_NAME + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap((id.strip() + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            move(temp, file);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so this only happens on exotic file systems; a plain replace is the best left
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray temp file is harmless; the id itself was not replaced
        }
    }
}
