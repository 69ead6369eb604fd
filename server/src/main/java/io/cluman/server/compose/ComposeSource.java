package io.cluman.server.compose;

import java.util.Map;

/**
 * What a compose application is read from.
 *
 * @param text      the compose file, YAML
 * @param name      the application's name; wins over the file's {@code name:}; null or blank: the file's
 * @param variables the values of {@code ${VAR}} in the file (the caller's environment); null: none
 * @param files     the files the compose file refers to by {@code env_file}, by name as written there
 *                  (a leading {@code ./} does not matter); a {@code .env} among them supplies variables
 *                  that {@code variables} does not; null: none
 */
public record ComposeSource(String text, String name, Map<String, String> variables, Map<String, String> files) {
    public ComposeSource {
        text = text == null ? "" : text;
        name = name == null || name.isBlank() ? null : name.strip();
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** A file with neither variables nor env files, named by its {@code name:}. */
    public static ComposeSource of(String text) {
        return new ComposeSource(text, null, null, null);
    }
}
