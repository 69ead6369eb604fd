package io.cluman.scheduler;

import static io.cluman.scheduler.TestNodes.GIB;
import static io.cluman.scheduler.TestNodes.inCluster;
import static io.cluman.scheduler.TestNodes.inactive;
import static io.cluman.scheduler.TestNodes.node;
import static io.cluman.scheduler.TestNodes.used;
import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.scheduler.constraint.ConstraintParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static PlacementResult exhaustive(List<NodeInfo> nodes, PlacementRequest request) {
        return new Scheduler(Snapshot.of(nodes), 7, Sampling.EXHAUSTIVE).place(request);
    }

    private static Map<String, Integer> perNode(PlacementResult result) {
        return result.plan().replicasPerNode();
    }

    @Test
    void binpackPutsTheReplicaOnTheFullestNodeThatFits() {
        List<NodeInfo> nodes = List.of(used(node("a", Map.of(), 4, 4), 0, 3 * GIB + 1),
                used(node("b", Map.of(), 4, 4), 0, 2 * GIB), node("c", Map.of(), 4, 4));
        PlacementResult result = exhaustive(nodes, PlacementRequest.builder("web", 1).memory(GIB).build());
        assertThat(result).isInstanceOf(PlacementResult.Placed.class);
        assertThat(result.plan().nodeIds()).containsExactly("b");
    }

    @Test
    void spreadRankingPutsTheReplicaOnTheEmptiestNode() {
        List<NodeInfo> nodes = List.of(used(node("a", Map.of(), 4, 4), 1000, GIB),
                used(node("b", Map.of(), 4, 4), 0, 2 * GIB), node("c", Map.of(), 4, 4));
        PlacementResult result = exhaustive(nodes, PlacementRequest.builder("web", 1).memory(GIB)
                .ranking(Ranking.SPREAD).build());
        assertThat(result.plan().nodeIds()).containsExactly("c");
    }

    @Test
    void explanationCountsEveryNodeUnderTheFirstFilterThatRefusedIt() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(inactive(node("idle-" + i, Map.of("zone", "a"), 4, 4)));
        }
        for (int i = 0; i < 3; i++) {
            nodes.add(node("b-" + i, Map.of("zone", "b"), 4, 4));
        }
        for (int i = 0; i < 3; i++) {
            nodes.add(used(node("a-" + i, Map.of("zone", "a"), 4, 4), 0, 4 * GIB));
        }
        PlacementResult result = Scheduler.place(Snapshot.of(nodes), PlacementRequest.builder("web", 2)
                .memory(GIB).constraints(List.of(ConstraintParser.parse("zone=a"))).build(), 1);
        assertThat(result).isInstanceOfSatisfying(PlacementResult.Unplaced.class, u -> {
            assertThat(u.plan().nodeIds()).isEmpty();
            assertThat(u.why().reasons()).isEqualTo("10 nodes: 4 not ACTIVE, 3 constraint zone=a, 3 out of memory");
            assertThat(u.why()).hasToString("placed 0 of 2; 10 nodes: 4 not ACTIVE, 3 constraint zone=a,"
                    + " 3 out of memory");
        });
    }

    @Test
    void placesWhatFitsAndSaysHowManyOfHowMany() {
        List<NodeInfo> nodes = List.of(node("a", Map.of(), 4, 1), node("b", Map.of(), 4, 1));
        PlacementResult result = Scheduler.place(Snapshot.of(nodes),
                PlacementRequest.builder("web", 3).memory(GIB).build(), 3);
        assertThat(result).isInstanceOfSatisfying(PlacementResult.PartlyPlaced.class, p -> {
            assertThat(p.plan().nodeIds()).containsExactlyInAnyOrder("a", "b");
            assertThat(p.why()).hasToString("placed 2 of 3; 2 nodes: 2 out of memory");
        });
    }

    @Test
    void hostPortsRequireDistinctNodesAndFreePorts() {
        List<NodeInfo> nodes = List.of(node("a", Map.of(), 8, 8), node("b", Map.of(), 8, 8),
                node("c", Map.of(), 8, 8).withAllocation(0, 0, List.of(8080)));
        PlacementResult result = exhaustive(nodes, PlacementRequest.builder("web", 3).hostPorts(List.of(8080))
                .build());
        assertThat(result).isInstanceOfSatisfying(PlacementResult.PartlyPlaced.class, p -> {
            assertThat(p.plan().nodeIds()).containsExactlyInAnyOrder("a", "b");
            assertThat(p.why().reasons()).isEqualTo("3 nodes: 2 already running a replica, 1 port 8080 taken");
        });
        PlacementResult again = exhaustive(nodes, PlacementRequest.builder("api", 1).hostPorts(List.of(9090, 8080))
                .existing(Map.of("a", 1, "b", 1)).build());
        assertThat(again).isInstanceOfSatisfying(PlacementResult.Unplaced.class, u -> assertThat(u.why().reasons())
                .isEqualTo("3 nodes: 2 already running a replica, 1 port 8080 taken"));
    }

    @Test
    void prefersDistinctNodesOverPackingWithoutPorts() {
        List<NodeInfo> nodes = List.of(node("a", Map.of(), 8, 8), node("b", Map.of(), 8, 8),
                used(node("c", Map.of(), 8, 8), 4000, 4 * GIB));
        PlacementResult result = exhaustive(nodes, PlacementRequest.builder("web", 3).cpus(1).memory(GIB).build());
        assertThat(perNode(result)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 1, "c", 1));
    }

    @Test
    void spreadOverALabelBalancesTheServiceAcrossItsValuesCountingExistingReplicas() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(node("a-" + i, Map.of("zone", "a"), 8, 8));
        }
        nodes.add(node("b-0", Map.of("zone", "b"), 8, 8));
        nodes.add(node("c-0", Map.of("zone", "c"), 8, 8));
        PlacementResult result = exhaustive(nodes, PlacementRequest.builder("web", 4).memory(GIB).spreadLabel("zone")
                .existing(Map.of("a-0", 2)).build());
        Map<String, Integer> zones = new TreeMap<>();
        result.plan().nodeIds().forEach(id -> zones.merge(id.substring(0, 1), 1, Integer::sum));
        assertThat(zones).isEqualTo(Map.of("b", 2, "c", 2));
    }

    @Test
    void affinitiesPreferMatchingNodesAndNegativeWeightsAvoidThem() {
        List<NodeInfo> nodes = List.of(used(node("hdd", Map.of("disk", "hdd"), 4, 4), 0, 3 * GIB),
                node("ssd", Map.of("disk", "ssd"), 4, 4));
        PlacementRequest.Builder request = PlacementRequest.builder("db", 1).memory(GIB);
        assertThat(exhaustive(nodes, request.build()).plan().nodeIds()).containsExactly("hdd");
        assertThat(exhaustive(nodes, request.affinities(List.of(new Affinity(ConstraintParser.parse("disk=ssd"),
                50))).build()).plan().nodeIds()).containsExactly("ssd");
        assertThat(exhaustive(nodes, request.ranking(Ranking.SPREAD).affinities(List.of(
                new Affinity(ConstraintParser.parse("disk=ssd"), -100))).build()).plan().nodeIds())
                .containsExactly("hdd");
    }

    @Test
    void targetsAClusterOrTheOrphansAndNamesTheRefusal() {
        List<NodeInfo> nodes = List.of(inCluster(node("p", Map.of(), 4, 4), "prod"), node("o", Map.of(), 4, 4));
        PlacementRequest.Builder request = PlacementRequest.builder("web", 1).memory(GIB);
        assertThat(exhaustive(nodes, request.target(Target.of("prod")).build()).plan().nodeIds())
                .containsExactly("p");
        assertThat(exhaustive(nodes, request.target(Target.of("orphans")).build()).plan().nodeIds())
                .containsExactly("o");
        assertThat(exhaustive(nodes, request.target(Target.of("all")).build()).plan().nodeIds()).hasSize(1);
        assertThat(exhaustive(nodes, request.target(Target.of("test")).build()))
                .isInstanceOfSatisfying(PlacementResult.Unplaced.class, u -> assertThat(u.why().reasons())
                        .isEqualTo("2 nodes: 2 not in cluster test"));
        assertThat(exhaustive(List.of(inCluster(node("p", Map.of(), 4, 4), "prod")),
                request.target(Target.of("orphans")).build()))
                .isInstanceOfSatisfying(PlacementResult.Unplaced.class, u -> assertThat(u.why().reasons())
                        .isEqualTo("1 node: 1 in a cluster"));
    }

    @Test
    void refusesNodesWithoutTheDriverOrCpu() {
        List<NodeInfo> nodes = List.of(node("a", Map.of(), 1, 4), node("b", Map.of(), 4, 4));
        assertThat(exhaustive(nodes, PlacementRequest.builder("p", 1).driver("process").build()))
                .isInstanceOfSatisfying(PlacementResult.Unplaced.class, u -> assertThat(u.why().reasons())
                        .isEqualTo("2 nodes: 2 without driver process"));
        assertThat(exhaustive(nodes, PlacementRequest.builder("p", 3).driver("docker").cpus(2).build()))
                .isInstanceOfSatisfying(PlacementResult.PartlyPlaced.class, p -> {
                    assertThat(p.plan().nodeIds()).containsExactly("b", "b");
                    assertThat(p.why().reasons()).isEqualTo("2 nodes: 2 out of cpu");
                });
    }

    @Test
    void laterRequestsSeeTheReplicasEarlierOnesPlaced() {
        Scheduler scheduler = new Scheduler(Snapshot.of(List.of(node("a", Map.of(), 4, 2))), 11);
        PlacementRequest one = PlacementRequest.builder("web", 1).memory(GIB).build();
        assertThat(scheduler.place(one)).isInstanceOf(PlacementResult.Placed.class);
        assertThat(scheduler.place(one)).isInstanceOf(PlacementResult.Placed.class);
        assertThat(scheduler.place(one)).isInstanceOfSatisfying(PlacementResult.Unplaced.class,
                u -> assertThat(u.why().reasons()).isEqualTo("1 node: 1 out of memory"));
    }

    @Test
    void zeroReplicasIsAnEmptyPlanAndNoNodesExplainsItself() {
        assertThat(Scheduler.place(Snapshot.of(List.of()), PlacementRequest.builder("web", 0).build(), 1))
                .isInstanceOfSatisfying(PlacementResult.Placed.class, p -> assertThat(p.plan().size()).isZero());
        assertThat(Scheduler.place(Snapshot.of(List.of()), PlacementRequest.builder("web", 1).build(), 1))
                .isInstanceOfSatisfying(PlacementResult.Unplaced.class,
                        u -> assertThat(u.why()).hasToString("placed 0 of 1; 0 nodes"));
    }
}
