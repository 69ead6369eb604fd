package io.cluman.scheduler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why not every replica found a node: at the moment a replica found none, how many nodes were refused for
 * each reason. Every node is counted under exactly one reason (the first filter that refused it), so the counts
 * add up to {@code nodes}. Reasons are ordered by count, largest first.
 *
 * @param placed    replicas that did find a node
 * @param requested replicas asked for
 * @param refused   reason ({@code not ACTIVE}, {@code constraint zone=a}, {@code out of memory}, ...) → nodes
 */
public record Explanation(int placed, int requested, int nodes, Map<String, Integer> refused) {
    public Explanation {
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }

    /** {@code 10 nodes: 4 not ACTIVE, 3 constraint zone=a, 3 out of memory}. */
    public String reasons() {
        String counts = refused.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return nodes + (nodes == 1 ? " node" : " nodes") + (counts.isEmpty() ? "" : ": " + counts);
    }

    /** {@code placed 2 of 5; 10 nodes: ...}. */
    @Override
    public String toString() {
        return "placed " + placed + " of " + requested + "; " + reasons();
    }
}
