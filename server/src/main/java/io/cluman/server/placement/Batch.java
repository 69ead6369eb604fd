package io.cluman.server.placement;

import io.cluman.scheduler.PlacementRequest;
import java.util.Optional;
import java.util.Set;

/**
 * One placement: what the scheduler is asked ({@code request}; its {@code existing} replicas are filled in from
 * the store by the applier), on which node only, if one is named, and the seed of the evaluation.
 *
 * @param onlyNode the node id the caller named ({@code POST /v1/containers} with {@code node}): only that node
 *                 is considered, with the same filters; empty: every node of the request's target
 * @param leaving  replicas of the service about to be removed (lost ones being replaced): they do not count
 *                 for spread and anti-affinity
 * @param seed     the scheduler's seed; a retry adds the attempt number
 */
public record Batch(PlacementRequest request, Optional<String> onlyNode, Set<String> leaving, long seed) {
    public Batch {
        leaving = Set.copyOf(leaving);
    }
}
