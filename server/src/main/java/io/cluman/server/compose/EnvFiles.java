package io.cluman.server.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a compose file names by {@code env_file}, as given with it, and what they hold. A file is
 * {@code KEY=VALUE} lines; blank lines and {@code #} comments are skipped, {@code export } is allowed,
 * {@code 'single quotes'} are literal, {@code "double quotes"} and unquoted values have their variables
 * replaced, an unquoted value ends at {@code " #"}, and a line {@code KEY} alone takes the variable's value.
 */
final class EnvFiles {
    private final Map<String, String> files = new LinkedHashMap<>();

    EnvFiles(Map<String, String> files) {
        files.forEach((name, content) -> this.files.put(normalize(name), content));
    }

    /** The content of the file {@code name} as written in the compose file; null when it was not given. */
    String content(String name) {
        return files.get(normalize(name));
    }

    /**
     * The entries of {@code content}, in order; a {@code KEY} line maps to null. Bad lines are errors at
     * {@code path}, naming {@code file} and the line.
     */
    static Map<String, String> parse(String content, String file, String path, Interpolator interpolator,
                                     Findings findings) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = content.lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (!EnvironmentNames.isValid(key)) {
                findings.error(path, file + " line " + (n + 1) + ": '" + key + "' is not a variable name");
                continue;
            }
            entries.put(key, eq < 0 ? null : value(line.substring(eq + 1).strip(), path, interpolator));
        }
        return entries;
    }

    private static String value(String raw, String path, Interpolator interpolator) {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return interpolator.text(raw.substring(1, raw.length() - 1).replace("\\n", "\n").replace("\\\"", "\""),
                    path);
        }
        int comment = raw.indexOf(" #");
        return interpolator.text(comment < 0 ? raw : raw.substring(0, comment).strip(), path);
    }

    private static String normalize(String name) {
        String n = name.strip();
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }
}
