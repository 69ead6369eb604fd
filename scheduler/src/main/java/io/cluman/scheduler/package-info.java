/**
 * Cluman's scheduler: pure placement. An immutable {@link io.cluman.scheduler.Snapshot} of nodes and a
 * {@link io.cluman.scheduler.PlacementRequest} go in; a {@link io.cluman.scheduler.PlacementResult} comes out:
 * a plan (a node per new replica), or an explanation counting why each node was refused, or both when only
 * some replicas fit. No I/O, no clocks, no threads; randomness comes from a seed, so the same snapshot,
 * request and seed give the same plan. {@link io.cluman.scheduler.PlanChecker} re-checks a plan against a
 * newer snapshot before the server commits it. See docs/scheduler.md.
 */
package io.cluman.scheduler;
