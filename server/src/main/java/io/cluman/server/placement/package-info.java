/**
 * Where containers go, committed safely: {@link io.cluman.server.placement.PlanApplier} reads the latest nodes
 * and containers into a scheduler {@code Snapshot}, has the pure {@code io.cluman.scheduler} module plan the
 * batch, re-checks each replica with {@code PlanChecker} and commits the container records with
 * compare-and-swap on per-node guard keys, re-planning on a conflict. Every placement (API containers and
 * service replicas) goes through it, so concurrent placements never oversubscribe a node.
 */
package io.cluman.server.placement;
