package io.cluman.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series keys and their indexes (the number records carry instead of the key): {@code fbstorage/series},
 * one key per line, a key's index is its line number. Append-only; a key is written before any record that
 * uses its index. Not thread-safe: {@link MetricsStore} guards it.
 */
final class SeriesNames {
    private final Path file;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> keys = new ArrayList<>();

    SeriesNames(Path fbstorage) {
        this.file = fbstorage.resolve("series");
        try {
            Files.createDirectories(fbstorage);
            if (Files.exists(file)) {
                for (String key : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!key.isEmpty()) {
                        indexes.put(key, keys.size());
                        keys.add(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metrics series names " + file, e);
        }
    }

    /** Checks a key: not blank, no line breaks. */
    static String validate(String key) {
        if (key == null || key.isBlank() || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("series key must be non-blank and on one line: " + key);
        }
        return key;
    }

    Optional<Integer> find(String key) {
        return Optional.ofNullable(indexes.get(key));
    }

    /** The index of {@code key}, added (and written) if new. */
    int indexOf(String key) {
        Integer index = indexes.get(key);
        if (index != null) {
            return index;
        }
        try {
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics series names " + file, e);
        }
        indexes.put(key, keys.size());
        keys.add(key);
        return keys.size() - 1;
    }

    int size() {
        return keys.size();
    }
}
