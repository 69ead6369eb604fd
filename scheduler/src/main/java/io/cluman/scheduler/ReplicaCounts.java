package io.cluman.scheduler;

import java.util.Arrays;
import java.util.Map;

/**
 * How many replicas of the service being placed each node runs: the request's existing ones plus those placed
 * so far. Reused from request to request: {@link #load} clears only the nodes the last request touched, so a
 * request costs its own size, not the cluster's. Not thread-safe.
 */
final class ReplicaCounts {
    private final int[] onNode;
    private int[] touched = new int[16];
    private int touchedCount;

    ReplicaCounts(int nodes) {
        onNode = new int[nodes];
    }

    /** Starts a request: the counts of {@code existing} (node id → replicas); unknown node ids are ignored. */
    void load(Snapshot snapshot, Map<String, Integer> existing) {
        for (int t = 0; t < touchedCount; t++) {
            onNode[touched[t]] = 0;
        }
        touchedCount = 0;
        existing.forEach((id, count) -> {
            int i = snapshot.indexOf(id);
            if (i >= 0 && count > 0) {
                add(i, count);
            }
        });
    }

    int on(int node) {
        return onNode[node];
    }

    void add(int node, int count) {
        if (onNode[node] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = node;
        }
        onNode[node] += count;
    }
}
