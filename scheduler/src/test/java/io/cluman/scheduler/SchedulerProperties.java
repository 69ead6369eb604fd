package io.cluman.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.scheduler.PlacementCases.Case;
import io.cluman.scheduler.constraint.Constraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What holds for every cluster and request: checked against an oracle written here from the documented
 * rules, not against the scheduler's own filters.
 */
class SchedulerProperties {
    @Provide
    Arbitrary<Case> cases() {
        return PlacementCases.cases();
    }

    @Property(tries = 400, seed = "20261122")
    void noNodeEndsOverCapacity(@ForAll("cases") Case c) {
        PlacementResult result = Scheduler.place(c.snapshot(), c.request(), c.seed());
        Snapshot after = c.snapshot().withPlan(result.plan());
        for (NodeInfo node : after.nodes()) {
            int k = result.plan().replicasPerNode().getOrDefault(node.id(), 0);
            if (k > 0 && c.request().milliCpus() > 0) {
                assertThat(node.usedMilliCpus()).isLessThanOrEqualTo(node.milliCpus());
            }
            if (k > 0 && c.request().memory() > 0) {
                assertThat(node.usedMemory()).isLessThanOrEqualTo(node.memory());
            }
        }
        assertThat(PlanChecker.check(result.plan(), c.snapshot()).conflicts()).isEmpty();
    }

    @Property(tries = 400, seed = "20261122")
    void everyReplicaLandsOnANodeThatPassesEveryFilter(@ForAll("cases") Case c) {
        PlacementRequest r = c.request();
        for (String id : Scheduler.place(c.snapshot(), r, c.seed()).plan().nodeIds()) {
            NodeInfo node = c.snapshot().node(id).orElseThrow();
            assertThat(node.on() && node.healthy() && node.takesPlacements()).isTrue();
            assertThat(r.target().includes(node.cluster())).isTrue();
            assertThat(r.driver().isEmpty() || node.drivers().contains(r.driver())).isTrue();
            for (Constraint constraint : r.constraints()) {
                assertThat(constraint.test(node.value(constraint.key()))).as("%s on %s", constraint, node).isTrue();
            }
            for (int port : r.hostPorts()) {
                assertThat(node.usedPorts()).doesNotContain(port);
            }
        }
    }

    @Property(tries = 400, seed = "20261122")
    void placesEveryReplicaUnlessNoNodeCouldTakeOneMore(@ForAll("cases") Case c) {
        PlacementRequest r = c.request();
        PlacementResult result = Scheduler.place(c.snapshot(), r, c.seed());
        Map<String, Integer> placed = result.plan().replicasPerNode();
        if (result.plan().size() == r.replicas()) {
            assertThat(result).isInstanceOf(PlacementResult.Placed.class);
            return;
        }
        assertThat(result).isInstanceOf(result.plan().size() == 0 ? PlacementResult.Unplaced.class
                : PlacementResult.PartlyPlaced.class);
        for (NodeInfo node : c.snapshot().nodes()) {
            assertThat(couldTakeOneMore(node, r, placed.getOrDefault(node.id(), 0))).as("%s", node).isFalse();
        }
    }

    @Property(tries = 200, seed = "20261122")
    void theSameInputAndSeedGiveTheSamePlanWhateverTheNodeOrder(@ForAll("cases") Case c) {
        PlacementResult first = Scheduler.place(c.snapshot(), c.request(), c.seed());
        List<NodeInfo> shuffled = new ArrayList<>(c.nodes());
        Collections.shuffle(shuffled, new Random(c.seed()));
        assertThat(Scheduler.place(Snapshot.of(shuffled), c.request(), c.seed())).isEqualTo(first);
        assertThat(Scheduler.place(c.snapshot(), c.request(), c.seed())).isEqualTo(first);
    }

    @Property(tries = 400, seed = "20261122")
    void explanationCountsAddUpToTheNodeCount(@ForAll("cases") Case c) {
        Optional<Explanation> why = switch (Scheduler.place(c.snapshot(), c.request(), c.seed())) {
            case PlacementResult.Placed p -> Optional.empty();
            case PlacementResult.PartlyPlaced p -> Optional.of(p.why());
            case PlacementResult.Unplaced u -> Optional.of(u.why());
        };
        why.ifPresent(w -> {
            assertThat(w.nodes()).isEqualTo(c.nodes().size());
            assertThat(w.refused().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(c.nodes().size());
            assertThat(w.placed()).isLessThan(w.requested());
        });
    }

    @Property(tries = 300, seed = "20261122")
    void plansCommittedThroughTheCheckerNeverOversubscribe(@ForAll("cases") Case c) {
        Snapshot state = c.snapshot();
        Map<String, Set<Integer>> ports = new HashMap<>();
        c.nodes().forEach(n -> ports.put(n.id(), new HashSet<>(n.usedPorts())));
        for (long seed = c.seed(); seed < c.seed() + 3; seed++) {
            Plan plan = Scheduler.place(c.snapshot(), c.request(), seed).plan();
            if (PlanChecker.check(plan, state).fits()) {
                state = state.withPlan(plan);
                for (String id : plan.nodeIds()) {
                    for (int port : plan.hostPorts()) {
                        assertThat(ports.get(id).add(port)).as("port %d on %s", port, id).isTrue();
                    }
                }
            }
        }
        for (NodeInfo node : state.nodes()) {
            NodeInfo before = c.snapshot().node(node.id()).orElseThrow();
            assertThat(node.usedMilliCpus()).isLessThanOrEqualTo(Math.max(node.milliCpus(), before.usedMilliCpus()));
            assertThat(node.usedMemory()).isLessThanOrEqualTo(Math.max(node.memory(), before.usedMemory()));
        }
    }

    /** The oracle: whether {@code node}, with {@code k} replicas of this plan on it, could take one more. */
    private static boolean couldTakeOneMore(NodeInfo node, PlacementRequest r, int k) {
        boolean eligible = node.on() && node.healthy() && node.takesPlacements()
                && r.target().includes(node.cluster())
                && (r.driver().isEmpty() || node.drivers().contains(r.driver()))
                && r.constraints().stream().allMatch(c -> c.test(node.value(c.key())));
        boolean distinctOk = !r.distinctNodes() || k + r.existing().getOrDefault(node.id(), 0) == 0;
        boolean portsFree = k == 0 ? r.hostPorts().stream().noneMatch(node.usedPorts()::contains)
                : r.hostPorts().isEmpty();
        boolean cpu = r.milliCpus() == 0 || node.usedMilliCpus() + (k + 1) * r.milliCpus() <= node.milliCpus();
        boolean memory = r.memory() == 0 || node.usedMemory() + (k + 1) * r.memory() <= node.memory();
        return eligible && distinctOk && portsFree && cpu && memory;
    }
}
