package io.cluman.scheduler;

import static io.cluman.scheduler.TestNodes.GIB;
import static io.cluman.scheduler.TestNodes.inactive;
import static io.cluman.scheduler.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCheckerTest {
    private final Snapshot snapshot = Snapshot.of(List.of(node("a", Map.of(), 2, 2)));
    private final PlacementRequest big = PlacementRequest.builder("web", 1).cpus(1).memory(3 * GIB / 2).build();

    @Test
    void aFreshPlanFitsTheSnapshotItWasMadeFrom() {
        Plan plan = Scheduler.place(snapshot, big, 1).plan();
        assertThat(PlanChecker.check(plan, snapshot).fits()).isTrue();
        assertThat(snapshot.withPlan(plan).node("a").orElseThrow().usedMemory()).isEqualTo(3 * GIB / 2);
    }

    @Test
    void ofTwoPlansMadeFromTheSameSnapshotOnlyTheFirstCommitted() {
        Plan first = Scheduler.place(snapshot, big, 1).plan();
        Plan second = Scheduler.place(snapshot, big, 2).plan();
        assertThat(second.nodeIds()).containsExactly("a");
        Snapshot committed = snapshot.withPlan(first);
        assertThat(PlanChecker.check(second, committed).conflicts()).containsExactly(
                "node a: out of memory (needs 1610612736 bytes more, 536870912 free)");
        PlacementRequest small = PlacementRequest.builder("web", 1).cpus(1.5).build();
        assertThat(PlanChecker.check(Scheduler.place(snapshot, small, 3).plan(), committed).conflicts())
                .containsExactly("node a: out of cpu (needs 1500 millicpus more, 1000 free)");
    }

    @Test
    void portsTakenMeanwhileOrTwiceOnOneNodeConflict() {
        Plan plan = new Plan("web", List.of("a", "a"), 0, 0, List.of(80));
        Snapshot taken = Snapshot.of(List.of(node("a", Map.of(), 2, 2).withAllocation(0, 0, List.of(80))));
        assertThat(PlanChecker.check(plan, taken).conflicts()).containsExactly(
                "node a: 2 replicas want the same host ports [80]", "node a: port 80 taken");
    }

    @Test
    void nodesGoneOrNoLongerActiveConflict() {
        Plan plan = new Plan("web", List.of("a", "b"), 0, 0, List.of());
        Snapshot later = Snapshot.of(List.of(inactive(node("a", Map.of(), 2, 2))));
        assertThat(PlanChecker.check(plan, later).conflicts()).containsExactly(
                "node a: no longer takes placements (on=true, healthy=true, active=false)",
                "node b: not in the snapshot");
    }
}
