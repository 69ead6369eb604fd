package io.cluman.server.compose;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into plain values: {@code Map<String, Object>} (in the file's order), {@code List<Object>},
 * {@code String} and null. Scalars stay the text written, never YAML 1.1's guesses: {@code 22:22} is not
 * the number 1342 and {@code no} is not false. Anchors and aliases are expanded, merge keys ({@code <<})
 * applied; duplicate keys are errors, as in docker compose.
 */
final class YamlTree {
    /** Values after aliases are expanded; bounds what a "billion laughs" file can cost. */
    static final int MAX_VALUES = 200_000;
    private static final String MERGE_KEY = "<<";

    private int values;

    private YamlTree() {
    }

    /** The document in {@code text}; ComposeException (field {@code file}) naming line and column when invalid. */
    static Object read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setNestingDepthLimit(50);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw ComposeException.of("file", "invalid YAML" + at(e.getProblemMark()) + ": " + problem(e));
        } catch (YAMLException e) {
            throw ComposeException.of("file", "invalid YAML: " + e.getMessage());
        }
        return root == null ? null : new YamlTree().value(root);
    }

    private Object value(Node node) {
        if (++values > MAX_VALUES) {
            throw ComposeException.of("file", "more than " + MAX_VALUES + " values once anchors are expanded");
        }
        return switch (node) {
            case ScalarNode scalar -> scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
            case SequenceNode sequence -> {
                List<Object> list = new ArrayList<>();
                sequence.getValue().forEach(item -> list.add(value(item)));
                yield list;
            }
            case MappingNode mapping -> mapping(mapping);
            default -> throw ComposeException.of("file", "unsupported YAML node" + at(node.getStartMark()));
        };
    }

    private Map<String, Object> mapping(MappingNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw ComposeException.of("file", "a key must be a plain value" + at(tuple.getKeyNode().getStartMark()));
            }
            String key = keyNode.getValue();
            if (MERGE_KEY.equals(key) && keyNode.getTag().equals(Tag.MERGE)) {
                merged.addAll(mergeSources(tuple.getValueNode()));
            } else if (map.containsKey(key)) {
                throw ComposeException.of("file", "duplicate key '" + key + "'" + at(keyNode.getStartMark()));
            } else {
                map.put(key, value(tuple.getValueNode()));
            }
        }
        for (Map<String, Object> source : merged) {
            source.forEach(map::putIfAbsent);
        }
        return map;
    }

    private List<Map<String, Object>> mergeSources(Node node) {
        List<Node> sources = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Node source : sources) {
            if (!(value(source) instanceof Map<?, ?> map)) {
                throw ComposeException.of("file", "'<<' merges mappings only" + at(source.getStartMark()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            maps.add(typed);
        }
        return maps;
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String problem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        return e.getContext() == null ? problem : e.getContext() + ", " + problem;
    }
}
