package io.cluman.model.api;

import io.cluman.model.cluster.ClusterFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A cluster or system group with its member node ids. System groups are read-only. */
public record ClusterView(String name, String description, Set<ClusterFeature> features, Map<String, String> selector,
                          boolean system, List<String> nodes, long revision) {
}
