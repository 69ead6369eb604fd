package io.cluman.model.node;

/** How a node came into its cluster: added by name, or matched by the cluster's label selector. */
public enum Membership {
    EXPLICIT, SELECTOR
}
