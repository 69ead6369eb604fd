package io.cluman.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code show} prints: {@code key: value} lines with the values aligned, and indented blocks
 * (steps, disks) under a key. An empty or missing value prints as {@code -}.
 */
public final class Details {
    private record Entry(String key, String value, List<String> block) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public Details add(String key, Object value) {
        String text = value == null ? "" : value.toString().strip();
        entries.add(new Entry(key, text.isEmpty() ? "-" : text, List.of()));
        return this;
    }

    /** Adds {@code k=v, k2=v2} (sorted by key), or {@code -} when empty. */
    public Details add(String key, Map<String, String> pairs) {
        return add(key, pairs(pairs));
    }

    /** Adds a key whose lines follow it, indented; just the key and {@code -} when there are none. */
    public Details block(String key, List<String> lines) {
        entries.add(new Entry(key, lines.isEmpty() ? "-" : "", List.copyOf(lines)));
        return this;
    }

    public String render() {
        int width = entries.stream().mapToInt(e -> e.key().length()).max().orElse(0) + 1;
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            String key = e.key() + ":";
            if (e.value().isEmpty()) {
                text.append(key).append('\n');
            } else {
                text.append(key).append(" ".repeat(width - key.length() + 1)).append(e.value()).append('\n');
            }
            for (String line : e.block()) {
                text.append("  ").append(line).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code k=v,k2=v2} sorted by key; empty text for no pairs. */
    public static String pairs(Map<String, String> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return "";
        }
        return pairs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
