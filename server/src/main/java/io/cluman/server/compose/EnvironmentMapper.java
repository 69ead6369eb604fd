package io.cluman.server.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's environment: its {@code env_file} files in order, then {@code environment} over them (a list
 * of {@code KEY=VALUE} or a mapping). An entry without a value ({@code - DEBUG}, {@code DEBUG:}) takes the
 * variable's value from the caller's variables; when that is not set it is left out, with a warning.
 */
final class EnvironmentMapper {
    private final Values values;
    private final Interpolator interpolator;
    private final EnvFiles files;
    private final Map<String, String> variables;

    EnvironmentMapper(Values values, Interpolator interpolator, EnvFiles files, Map<String, String> variables) {
        this.values = values;
        this.interpolator = interpolator;
        this.files = files;
        this.variables = variables;
    }

    /** The environment of {@code service} (a service's mapping at {@code path}). */
    Map<String, String> map(Map<String, Object> service, String path) {
        Map<String, String> env = new LinkedHashMap<>();
        String envFilePath = Paths.child(path, "env_file");
        Object envFile = service.get("env_file");
        List<?> entries = envFile instanceof List<?> list ? list : envFile == null ? List.of() : List.of(envFile);
        for (int i = 0; i < entries.size(); i++) {
            String itemPath = envFile instanceof List<?> ? Paths.item(envFilePath, i) : envFilePath;
            readFile(entries.get(i), itemPath, env);
        }
        String envPath = Paths.child(path, "environment");
        values.entries(service.get("environment"), envPath).forEach((key, value) -> {
            if (EnvironmentNames.isValid(key)) {
                env.put(key, value);
            } else {
                values.findings().error(envPath, "'" + key + "' is not a variable name");
            }
        });
        Map<String, String> resolved = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            String v = value != null ? value : variables.get(key);
            if (v == null) {
                values.findings().warn(Paths.child(envPath, key), "has no value and variable " + key
                        + " is not set: left out");
            } else {
                resolved.put(key, v);
            }
        });
        return resolved;
    }

    /** Adds the entries of one {@code env_file} item: a file name, or {@code {path, required}}. */
    private void readFile(Object item, String path, Map<String, String> env) {
        String name;
        boolean required = true;
        if (item instanceof Map<?, ?>) {
            Map<String, Object> spec = values.map(item, path);
            values.warnUnsupported(spec, path, Set.of("path", "required"), Map.of());
            name = values.text(spec.get("path"), Paths.child(path, "path"));
            required = Boolean.TRUE.equals(values.bool(spec.get("required"), Paths.child(path, "required"), true));
        } else {
            name = values.text(item, path);
        }
        if (name == null || name.isBlank()) {
            values.findings().error(path, "names no file");
            return;
        }
        String content = files.content(name);
        if (content == null) {
            if (required) {
                values.findings().error(path, "env file '" + name + "' was not given: send it along with the"
                        + " compose file");
            } else {
                values.findings().warn(path, "env file '" + name + "' was not given: skipped (required: false)");
            }
            return;
        }
        env.putAll(EnvFiles.parse(content, name, path, interpolator, values.findings()));
    }
}
