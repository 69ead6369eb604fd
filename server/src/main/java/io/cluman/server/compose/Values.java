package io.cluman.server.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the plain values of {@link YamlTree} as the type a key needs, reporting a wrong shape as an error
 * at the value's path (and answering null, so reading goes on and every error is found in one pass).
 */
final class Values {
    private final Findings findings;

    Values(Findings findings) {
        this.findings = findings;
    }

    Findings findings() {
        return findings;
    }

    /** A text value; null (and an error) for a list or mapping; null for null. */
    String text(Object value, String path) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        findings.error(path, "must be a single value, not a " + shape(value));
        return null;
    }

    /** A mapping; null (and an error) for anything else but null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String path) {
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        findings.error(path, "must be a mapping (key: value), not a " + shape(value));
        return null;
    }

    /** A list; null (and an error) for anything else but null. */
    @SuppressWarnings("unchecked")
    List<Object> list(Object value, String path) {
        if (value == null || value instanceof List<?>) {
            return (List<Object>) value;
        }
        findings.error(path, "must be a list, not a " + shape(value));
        return null;
    }

    /** A single value or a list of them, as a list (env_file, constraints); empty for null. */
    List<String> texts(Object value, String path) {
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String text = text(list.get(i), Paths.item(path, i));
                if (text != null) {
                    out.add(text);
                }
            }
            return out;
        }
        String text = text(value, path);
        return text == null ? List.of() : List.of(text);
    }

    /**
     * Entries written as a list of {@code KEY=VALUE} or as a mapping (environment, labels), in order. A list
     * entry without '=' and a mapping entry without a value map to null; keys are checked by the caller.
     */
    Map<String, String> entries(Object value, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String entry = text(list.get(i), Paths.item(path, i));
                if (entry != null) {
                    int eq = entry.indexOf('=');
                    out.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
                }
            }
        } else {
            Map<String, Object> map = map(value, path);
            if (map != null) {
                map.forEach((k, v) -> out.put(k, text(v, Paths.child(path, k))));
            }
        }
        return out;
    }

    /** {@code true} or {@code false} (any case); null (and an error) otherwise; {@code fallback} for null. */
    Boolean bool(Object value, String path, boolean fallback) {
        String text = text(value, path);
        if (text == null) {
            return value == null ? fallback : null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                findings.error(path, "'" + text + "' is not true or false");
                yield null;
            }
        };
    }

    /** A whole number in [min, max]; null (and an error) otherwise or for null. */
    Integer integer(Object value, String path, int min, int max) {
        String text = text(value, path);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        findings.error(path, "'" + text + "' is not a whole number from " + min + " to " + max);
        return null;
    }

    /** Warns about every key of {@code map} that is not in {@code supported}; {@code x-} keys are skipped. */
    void warnUnsupported(Map<String, Object> map, String path, Set<String> supported,
                         Map<String, String> reasons) {
        for (String key : map.keySet()) {
            if (!supported.contains(key) && !key.startsWith("x-")) {
                findings.warn(Paths.child(path, key), reasons.getOrDefault(key, "not supported by Cluman, ignored"));
            }
        }
    }

    private static String shape(Object value) {
        return value instanceof List<?> ? "list" : value instanceof Map<?, ?> ? "mapping" : "value";
    }
}
