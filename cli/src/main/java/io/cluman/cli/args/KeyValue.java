package io.cluman.cli.args;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One {@code key=value} pair as typed on the command line. The key is non-empty and has no blanks;
 * the value may be empty ({@code zone=}).
 */
public record KeyValue(String key, String value) {
    public KeyValue {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key is empty");
        }
        value = value == null ? "" : value;
    }

    /**
     * Parses {@code k=v}. Throws {@link CommandLine.TypeConversionException}, which picocli reports as a
     * usage error naming the option or parameter.
     */
    public static KeyValue parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not key=value");
        }
        String key = text.substring(0, eq).strip();
        if (key.isEmpty()) {
            throw new CommandLine.TypeConversionException("'" + text + "' has an empty key (want key=value)");
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw new CommandLine.TypeConversionException("'" + text + "' has blanks in its key");
        }
        return new KeyValue(key, text.substring(eq + 1).strip());
    }

    /** The pairs as an ordered map; a key given twice keeps its last value. */
    public static Map<String, String> toMap(List<KeyValue> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        if (pairs != null) {
            pairs.forEach(p -> map.put(p.key(), p.value()));
        }
        return map;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }

    /** The picocli converter: {@code @Option(converter = KeyValue.Converter.class)}. */
    public static final class Converter implements CommandLine.ITypeConverter<KeyValue> {
        @Override
        public KeyValue convert(String value) {
            return parse(value);
        }
    }
}
