package io.cluman.server.placement;

import io.cluman.model.container.Container;
import io.cluman.model.node.Node;

/**
 * Turns "a replica goes on this node" into the container record to write (name, alloc id, the spec with the
 * node's cluster defaults merged). The applier re-checks the record's own resources, which defaults may have
 * raised, before it commits.
 */
@FunctionalInterface
public interface ReplicaFactory {
    Container make(Node node);
}
