package io.cluman.model.api;

import io.cluman.model.cluster.ClusterFeature;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/clusters} and {@code PATCH /v1/clusters/{name}}. {@code selector}: labels a node must
 * carry to join the cluster by itself (empty: explicit members only).
 */
public record ClusterRequest(String name, String description, Set<ClusterFeature> features,
                             Map<String, String> selector) {
}
