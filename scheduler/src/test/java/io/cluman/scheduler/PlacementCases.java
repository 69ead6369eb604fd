package io.cluman.scheduler;

import io.cluman.scheduler.constraint.ConstraintParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random clusters and requests for the property tests: up to 40 nodes, some off, not ACTIVE or unhealthy, in
 * zones a/b/c or none, some with a gpu, in cluster prod or orphans, with docker and/or process, partly used
 * (never over capacity), some with ports 80/443 taken; requests over every field of {@link PlacementRequest}.
 */
final class PlacementCases {
    /** A cluster, a request and a seed. */
    record Case(List<NodeInfo> nodes, PlacementRequest request, long seed) {
        Snapshot snapshot() {
            return Snapshot.of(nodes);
        }
    }

    private static final List<String> CONSTRAINTS = List.of("zone=a", "zone!=b", "zone in (a,c)", "gpu exists",
            "node.name regexp ^n-[0-9]*[02468]$", "os=linux");

    private PlacementCases() {
    }

    static Arbitrary<Case> cases() {
        return Combinators.combine(clusters(), requests(), Arbitraries.longs()).as(Case::new);
    }

    static Arbitrary<List<NodeInfo>> clusters() {
        Arbitrary<Map<String, String>> labels = Combinators.combine(Arbitraries.of("a", "b", "c", ""),
                Arbitraries.of(true, false)).as((zone, gpu) -> {
                    Map<String, String> l = new TreeMap<>();
                    if (!zone.isEmpty()) {
                        l.put("zone", zone);
                    }
                    if (gpu) {
                        l.put("gpu", "nvidia");
                    }
                    return l;
                });
        Arbitrary<NodeShape> shapes = Combinators.combine(Arbitraries.integers().between(0, 9), labels,
                Arbitraries.of("", "prod"), Arbitraries.of(Set.of("docker"), Set.of("process"),
                        Set.of("docker", "process")), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 16), Arbitraries.integers().between(0, 100),
                Arbitraries.of(Set.<Integer>of(), Set.of(80), Set.of(80, 443))).as(NodeShape::new);
        return shapes.list().ofMaxSize(40).map(PlacementCases::nodes);
    }

    static Arbitrary<PlacementRequest> requests() {
        Arbitrary<PlacementRequest.Builder> sized = Combinators.combine(Arbitraries.integers().between(0, 25),
                Arbitraries.of(0L, 250L, 1000L, 2500L), Arbitraries.of(0L, TestNodes.GIB / 4, TestNodes.GIB,
                        4 * TestNodes.GIB), Arbitraries.of("", "docker", "process"),
                Arbitraries.of(List.<Integer>of(), List.of(80), List.of(8080)),
                Arbitraries.of(new Target.All(), new Target.Orphans(), new Target.Cluster("prod")),
                Arbitraries.of(Ranking.values()), Arbitraries.of(true, false))
                .as((replicas, cpu, memory, driver, ports, target, ranking, distinct) -> PlacementRequest
                        .builder("svc", replicas).milliCpus(cpu).memory(memory).driver(driver).hostPorts(ports)
                        .target(target).ranking(ranking).distinctNodes(distinct));
        return Combinators.combine(sized, Arbitraries.of(CONSTRAINTS).list().ofMaxSize(2),
                Arbitraries.of(CONSTRAINTS).list().ofMaxSize(2), Arbitraries.integers().between(-100, 100)
                        .filter(w -> w != 0), Arbitraries.of("", "zone"),
                Arbitraries.of(Map.<String, Integer>of(), Map.of("n-0", 2), Map.of("n-1", 1, "n-3", 1)))
                .as((builder, constraints, affinities, weight, spread, existing) -> builder
                        .constraints(constraints.stream().map(ConstraintParser::parse).toList())
                        .affinities(affinities.stream().map(a -> new Affinity(ConstraintParser.parse(a), weight))
                                .toList())
                        .spreadLabel(spread).existing(existing).build());
    }

    private record NodeShape(int liveness, Map<String, String> labels, String cluster, Set<String> drivers,
                             int cores, int gib, int usedPercent, Set<Integer> ports) {
    }

    private static List<NodeInfo> nodes(List<NodeShape> shapes) {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            NodeShape s = shapes.get(i);
            long cpu = s.cores() * 1000L;
            long memory = s.gib() * TestNodes.GIB;
            nodes.add(new NodeInfo("n-" + i, "n-" + i, s.liveness() != 1, s.liveness() != 0, s.liveness() != 2,
                    s.cluster(), s.labels(), Map.of("node.name", "n-" + i, "os", "linux"), s.drivers(), cpu, memory,
                    cpu * s.usedPercent() / 100, memory * s.usedPercent() / 100, s.ports()));
        }
        return nodes;
    }
}
