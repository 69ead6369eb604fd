package io.cluman.model.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A user cluster as the store keeps it. Membership is kept on the node (a node is in at most one
 * cluster), explicit or by this cluster's label {@code selector} (empty: explicit members only).
 */
public record Cluster(String name, String description, Set<ClusterFeature> features, Map<String, String> selector,
                      Instant createdAt, long revision) {
    /** The group of every on-line node. */
    public static final String ALL = "all";
    /** The group of every node in no cluster. */
    public static final String ORPHANS = "orphans";

    public Cluster {
        description = description == null ? "" : description;
        features = features == null ? Set.of() : Set.copyOf(features);
        selector = selector == null ? Map.of() : Map.copyOf(new TreeMap<>(selector));
    }

    public static boolean isSystemGroup(String name) {
        return ALL.equals(name) || ORPHANS.equals(name);
    }

    /** Whether a node with these labels matches the selector (a cluster without selector matches none). */
    public boolean selects(Map<String, String> labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public Cluster withRevision(long newRevision) {
        return new Cluster(name, description, features, selector, createdAt, newRevision);
    }

    public Cluster with(String newDescription, Set<ClusterFeature> newFeatures, Map<String, String> newSelector) {
        return new Cluster(name, newDescription, newFeatures, newSelector, createdAt, revision);
    }
}
