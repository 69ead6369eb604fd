package io.cluman.server.options;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The middle layer: one file of the configuration repository, {@code <cluster>/<image-name>.yml} in a
 * compose-like form or {@code .properties} with flat keys.
 *
 * <pre>
 * # web/nginx.yml                      # web/nginx.properties
 * memory: 256M                         memory=256M
 * cpus: 0.5                            cpus=0.5
 * restart: always                      restart=always
 * ports: ["8080:80"]                   ports=8080:80
 * environment: {MODE: prod}            env.MODE=prod
 * labels: {team: web}                  label.team=web
 * </pre>
 */
public final class GitFileLayer {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GitFileLayer() {
    }

    /**
     * @param source how provenance names the file, e.g. {@code git web/nginx.yml@3f2a91c}
     * @param path   the file's path (its extension picks the format)
     */
    public static OptionLayer parse(String source, String path, String content) {
        LayerBuilder layer = new LayerBuilder(source);
        if (path.endsWith(".properties")) {
            readProperties(layer, content);
        } else {
            readYaml(layer, content);
        }
        return layer.build();
    }

    private static void readProperties(LayerBuilder layer, String content) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(content));
        } catch (IOException | IllegalArgumentException e) {
            layer.problem("file", "not a properties file: " + e.getMessage());
            return;
        }
        new TreeMap<>(properties).forEach((k, v) -> layer.flat(k.toString(), k.toString(), v.toString()));
    }

    private static void readYaml(LayerBuilder layer, String content) {
        Object root;
        try {
            root = content.isBlank() ? Map.of() : YAML.readValue(content, Object.class);
        } catch (JacksonException e) {
            layer.problem("file", "not YAML: " + e.getOriginalMessage());
            return;
        }
        if (!(root instanceof Map<?, ?> map)) {
            layer.problem("file", "the top level must be a mapping such as 'memory: 256M'");
            return;
        }
        map.forEach((k, v) -> readEntry(layer, String.valueOf(k), v));
    }

    private static void readEntry(LayerBuilder layer, String key, Object value) {
        if (value instanceof Map<?, ?> entries) {
            boolean isEnv = key.equals("environment") || key.equals("env");
            if (!isEnv && !key.equals("labels")) {
                layer.problem(key, "a mapping is only allowed for environment and labels");
                return;
            }
            entries.forEach((name, v) -> {
                String text = v == null ? "" : String.valueOf(v);
                if (isEnv) {
                    layer.env(key + "." + name, String.valueOf(name), text);
                } else {
                    layer.label(key + "." + name, String.valueOf(name), text);
                }
            });
        } else if (value instanceof List<?> items) {
            readList(layer, key, items);
        } else if (value != null) {
            layer.flat(key, key, String.valueOf(value));
        }
    }

    private static void readList(LayerBuilder layer, String key, List<?> items) {
        List<String> texts = items.stream().map(String::valueOf).toList();
        switch (key) {
            case "ports" -> texts.forEach(p -> layer.port(key, p));
            case "environment", "env" -> texts.forEach(p -> layer.envPair(key, p));
            case "labels" -> texts.forEach(p -> layer.labelPair(key, p));
            case "command" -> layer.command(key, texts);
            case "args" -> layer.args(key, texts);
            default -> layer.problem(key, "a list is only allowed for ports, environment, labels, command and args");
        }
    }
}
