package io.cluman.server.options;

import io.cluman.model.validation.Sizes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one layer's options from text, checking each value as it comes: a value that does not parse is
 * left out and noted as a problem (naming the entry it came from), so one bad line in a label or a git file
 * never blocks a container. Not thread-safe; one per layer.
 */
final class LayerBuilder {
    private static final long MIN_MEMORY = 4L << 20;

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<String> ports = new ArrayList<>();
    private List<String> command;
    private List<String> args;
    private Long memory;
    private Double cpus;
    private String restart;
    private String workDir;

    LayerBuilder(String source) {
        this.source = source;
    }

    /**
     * Sets the option {@code key} (as the flat forms name it: {@code memory cpus restart ports env env.NAME
     * labels label.NAME command args workdir}) from its text form; {@code entry} names it in problems.
     */
    LayerBuilder flat(String entry, String key, String value) {
        String k = key.strip();
        String text = value == null ? "" : value.strip();
        if (k.startsWith("env.")) {
            return env(entry, k.substring(4), text);
        }
        if (k.startsWith("label.") || k.startsWith("labels.")) {
            return label(entry, k.substring(k.indexOf('.') + 1), text);
        }
        switch (k.toLowerCase(java.util.Locale.ROOT)) {
            case "memory", "mem_limit" -> memory(entry, text);
            case "cpus" -> cpus(entry, text);
            case "restart" -> restart(entry, text);
            case "ports" -> splitList(text).forEach(p -> port(entry, p));
            case "env", "environment" -> splitCommas(text).forEach(pair -> envPair(entry, pair));
            case "labels", "label" -> splitCommas(text).forEach(pair -> labelPair(entry, pair));
            case "command" -> command(entry, splitWords(text));
            case "args" -> args(entry, splitWords(text));
            case "workdir", "working_dir" -> workDir(entry, text);
            default -> problem(entry, "unknown option '" + k + "': use memory, cpus, restart, ports, env, labels,"
                    + " command, args or workdir");
        }
        return this;
    }

    LayerBuilder memory(String entry, String text) {
        try {
            long bytes = Sizes.parse(text);
            if (bytes < MIN_MEMORY) {
                problem(entry, "'" + text + "' is below the 4M minimum");
            } else {
                memory = bytes;
            }
        } catch (IllegalArgumentException e) {
            problem(entry, e.getMessage());
        }
        return this;
    }

    LayerBuilder cpus(String entry, String text) {
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || value > 1024 || Double.isNaN(value)) {
                problem(entry, "'" + text + "' is not between 0 and 1024 cores");
            } else {
                cpus = value;
            }
        } catch (NumberFormatException e) {
            problem(entry, "'" + text + "' is not a number of cores such as 0.5");
        }
        return this;
    }

    LayerBuilder restart(String entry, String text) {
        if (OptionSyntax.isRestart(text)) {
            restart = text;
        } else {
            problem(entry, "'" + text + "' is not a restart policy: " + OptionSyntax.RESTART_HINT);
        }
        return this;
    }

    LayerBuilder port(String entry, String text) {
        if (OptionSyntax.isPort(text)) {
            ports.add(text.strip());
        } else {
            problem(entry, "'" + text + "' is not a port mapping: " + OptionSyntax.PORT_HINT);
        }
        return this;
    }

    LayerBuilder envPair(String entry, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return problem(entry, "'" + pair + "' is not NAME=value");
        }
        return env(entry, pair.substring(0, eq).strip(), pair.substring(eq + 1));
    }

    LayerBuilder env(String entry, String name, String value) {
        if (name.isBlank() || name.contains("=")) {
            return problem(entry, "'" + name + "' is not a variable name");
        }
        env.put(name, value);
        return this;
    }

    LayerBuilder labelPair(String entry, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return problem(entry, "'" + pair + "' is not key=value");
        }
        return label(entry, pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }

    LayerBuilder label(String entry, String key, String value) {
        if (key.isBlank() || key.startsWith("cluman.")) {
            return problem(entry, "label '" + key + "' cannot be set: empty or in Cluman's own cluman.* space");
        }
        labels.put(key, value);
        return this;
    }

    LayerBuilder command(String entry, List<String> words) {
        command = words;
        return this;
    }

    LayerBuilder args(String entry, List<String> words) {
        args = words;
        return this;
    }

    LayerBuilder workDir(String entry, String text) {
        if (!text.startsWith("/")) {
            return problem(entry, "'" + text + "' is not an absolute path");
        }
        workDir = text;
        return this;
    }

    LayerBuilder problem(String entry, String message) {
        problems.add(entry + ": " + message);
        return this;
    }

    OptionLayer build() {
        return new OptionLayer(source, new OptionSet(command, args, env, ports, labels, memory, cpus, restart,
                workDir), problems);
    }

    /** {@code a,b c} → [a, b, c]: commas or blanks separate entries. */
    static List<String> splitList(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** {@code A=1, B=x y} → [A=1, B=x y]: only commas separate entries (values may hold blanks). */
    static List<String> splitCommas(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> splitWords(String text) {
        return Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).toList();
    }
}
