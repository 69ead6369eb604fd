package io.cluman.scheduler;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One label or attribute key across a snapshot's nodes, with its values interned: {@code valueOf[node]} is an
 * index into {@code values}, or −1 when the node has no such key. Constraints are then decided once per
 * distinct value, not once per node (see {@link ValueMatch}).
 */
final class Column {
    private final int[] valueOf;
    private final String[] values;

    private Column(int[] valueOf, String[] values) {
        this.valueOf = valueOf;
        this.values = values;
    }

    /** A column per key that any node has, read through {@link NodeInfo#value}. */
    static Map<String, Column> build(List<NodeInfo> nodes) {
        Map<String, Map<String, Integer>> ids = new HashMap<>();
        Map<String, int[]> valueOf = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeInfo node = nodes.get(i);
            for (String key : keys(node)) {
                String value = node.value(key);
                Map<String, Integer> known = ids.computeIfAbsent(key, k -> new HashMap<>());
                int[] column = valueOf.computeIfAbsent(key, k -> filled(nodes.size()));
                column[i] = known.computeIfAbsent(value, v -> known.size());
            }
        }
        Map<String, Column> columns = new HashMap<>();
        ids.forEach((key, known) -> {
            String[] values = new String[known.size()];
            known.forEach((value, id) -> values[id] = value);
            columns.put(key, new Column(valueOf.get(key), values));
        });
        return columns;
    }

    /** The index of node {@code node}'s value, −1 when it has none. */
    int valueOf(int node) {
        return valueOf[node];
    }

    int size() {
        return values.length;
    }

    String value(int id) {
        return values[id];
    }

    private static Iterable<String> keys(NodeInfo node) {
        Set<String> keys = new HashSet<>(node.labels().keySet());
        keys.addAll(node.attributes().keySet());
        return keys;
    }

    private static int[] filled(int n) {
        int[] column = new int[n];
        Arrays.fill(column, -1);
        return column;
    }
}
