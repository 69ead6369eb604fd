package io.cluman.server.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces variables in a compose file's values, as docker compose does: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}} (unset or empty), {@code ${VAR-default}} (unset), {@code ${VAR:?message}} and
 * {@code ${VAR?message}} (an error when unset or empty / unset), {@code ${VAR:+other}} and
 * {@code ${VAR+other}}, and {@code $$} for a literal {@code $}. Defaults may hold variables themselves.
 * A variable that is not set and has no default becomes an empty string and a warning. Keys are never
 * replaced, and nothing under an {@code x-} key is.
 */
final class Interpolator {
    private final Map<String, String> variables;
    private final Findings findings;

    Interpolator(Map<String, String> variables, Findings findings) {
        this.variables = variables;
        this.findings = findings;
    }

    /** {@code value} (a tree of maps, lists, text) with every text's variables replaced. */
    Object tree(Object value, String path) {
        return switch (value) {
            case String text -> text(text, path);
            case List<?> list -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    out.add(tree(list.get(i), Paths.item(path, i)));
                }
                yield out;
            }
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    String key = (String) k;
                    out.put(key, key.startsWith("x-") ? v : tree(v, Paths.child(path, key)));
                });
                yield out;
            }
            case null -> null;
            default -> value;
        };
    }

    /** {@code text} with its variables replaced; problems are reported at {@code path}. */
    String text(String text, String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    findings.error(path, "'" + text + "' has a '${' without its '}'");
                    return text;
                }
                out.append(braced(text.substring(i + 2, end), path));
                i = end + 1;
            } else {
                int end = nameEnd(text, i + 1);
                if (end == i + 1) {
                    out.append(c);
                    i++;
                } else {
                    out.append(lookup(text.substring(i + 1, end), path));
                    i = end;
                }
            }
        }
        return out.toString();
    }

    /** The value of {@code NAME}, {@code NAME:-default} and the other forms inside {@code ${...}}. */
    private String braced(String expression, String path) {
        int end = nameEnd(expression, 0);
        String name = expression.substring(0, end);
        if (name.isEmpty()) {
            findings.error(path, "'${" + expression + "}' is not a variable: use ${NAME} or ${NAME:-default}");
            return "";
        }
        if (end == expression.length()) {
            return lookup(name, path);
        }
        String rest = expression.substring(end);
        boolean colon = rest.startsWith(":");
        String operator = rest.substring(colon ? 1 : 0, Math.min(rest.length(), colon ? 2 : 1));
        String argument = rest.substring(Math.min(rest.length(), colon ? 2 : 1));
        String value = variables.get(name);
        boolean missing = value == null || (colon && value.isEmpty());
        return switch (operator) {
            case "-" -> missing ? text(argument, path) : value;
            case "+" -> missing ? "" : text(argument, path);
            case "?" -> {
                if (missing) {
                    findings.error(path, "variable " + name + " is required" + (argument.isEmpty() ? ""
                            : ": " + text(argument, path)));
                }
                yield missing ? "" : value;
            }
            default -> {
                findings.error(path, "'${" + expression + "}' is not a variable: use ${NAME}, ${NAME:-default},"
                        + " ${NAME-default}, ${NAME:?message} or ${NAME:+value}");
                yield "";
            }
        };
    }

    private String lookup(String name, String path) {
        String value = variables.get(name);
        if (value == null) {
            findings.warn(path, "variable " + name + " is not set: an empty string is used");
            return "";
        }
        return value;
    }

    /** The index of the '}' closing a '${' whose content starts at {@code from}; -1 when none. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && text.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isNameChar(text.charAt(i), i == from)) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
    }
}
