package io.cluman.scheduler;

/** What the scheduler answers: all replicas placed, some of them, or none, with the reasons when not all. */
public sealed interface PlacementResult {
    /** The replicas that found a node (possibly none). */
    Plan plan();

    /** Every replica has a node. */
    record Placed(Plan plan) implements PlacementResult {
    }

    /** Some replicas have a node ({@code plan}), the rest did not fit ({@code why}). */
    record PartlyPlaced(Plan plan, Explanation why) implements PlacementResult {
    }

    /** No replica fits; {@code plan} is empty. */
    record Unplaced(Plan plan, Explanation why) implements PlacementResult {
    }
}
