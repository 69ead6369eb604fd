package io.cluman.model.cluster;

/** Features of a node group. {@code FORBID_NODE_ADDITION} marks the read-only system groups. */
public enum ClusterFeature {
    FORBID_NODE_ADDITION, SWARM
}
