package io.cluman.agent.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file {@code <dataDir>/node-id}, holding the node id (one line). Writes are atomic (temporary file,
 * forced to disk, renamed over the old one), so a crash leaves either the old id or the new one.
 *
 * <p>Thread-safe in the sense that readers never see a partial file; concurrent writers are not
 * expected (one agent per data dir).
 */
public final class NodeIdFile {
    static final String FILE_NAME = "node-id";

    private final Path file;

    public NodeIdFile(Path dataDir) {
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
        try {
            AtomicFiles.write(file, id.strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the kept id (the node was removed from the cluster): the next join makes a new node. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the node id " + file + ": " + e.getMessage(), e);
        }
    }
}
