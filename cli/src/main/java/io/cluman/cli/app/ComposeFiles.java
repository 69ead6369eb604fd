package io.cluman.cli.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The files a compose file refers to by {@code env_file}, read from its directory, as the server wants them
 * ({@code files} of the deploy request, by name as written in the file); plus {@code .env} beside it, or
 * the {@code --env-file} given instead, as docker compose reads it. A file that does not exist is left
 * out: the server reports it at the service that names it (unless it is {@code required: false}).
 */
final class ComposeFiles {
    private ComposeFiles() {
    }

    static Map<String, String> read(String compose, Path directory, Path envFile) {
        Map<String, String> files = new LinkedHashMap<>();
        Object document;
        try {
            document = new Yaml().load(compose);
        } catch (RuntimeException invalid) {
            return files; // the server reports where the YAML is wrong
        }
        if (document instanceof Map<?, ?> top && top.get("services") instanceof Map<?, ?> services) {
            for (Object definition : services.values()) {
                if (definition instanceof Map<?, ?> service) {
                    for (String name : names(service.get("env_file"))) {
                        add(files, name, directory.resolve(name));
                    }
                }
            }
        }
        if (envFile != null) {
            files.put(".env", text(envFile));
        } else {
            add(files, ".env", directory.resolve(".env"));
        }
        return files;
    }

    /** {@code env_file}: a path, a list of paths, or a list of {@code {path, required}}. */
    private static List<String> names(Object envFile) {
        if (envFile instanceof String one) {
            return List.of(one);
        }
        if (envFile instanceof List<?> many) {
            return many.stream().map(e -> e instanceof Map<?, ?> m ? m.get("path") : e)
                    .filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static void add(Map<String, String> files, String name, Path path) {
        if (Files.isRegularFile(path)) {
            files.put(name, text(path));
        }
    }

    static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
