package io.cluman.server.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders services so each comes after the services it depends on; among services free to go, the file's
 * order holds. A dependency on a service the file does not define and a dependency cycle are errors; a cycle
 * is named in full: {@code web → api → web}.
 */
final class DependencyOrder {
    private DependencyOrder() {
    }

    /** {@code services} (in the file's order) in dependency order; errors are reported to {@code findings}. */
    static List<ComposeService> order(List<ComposeService> services, Findings findings) {
        Map<String, ComposeService> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (ComposeService s : services) {
            for (String dependency : s.dependencyNames()) {
                if (!byName.containsKey(dependency)) {
                    findings.error("services." + s.name() + ".depends_on", "'" + dependency + "' is not a service of"
                            + " this file: define it or remove the dependency");
                }
            }
        }
        if (findings.hasErrors()) {
            return List.of();
        }
        List<ComposeService> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < services.size()) {
            ComposeService next = services.stream()
                    .filter(s -> !placed.contains(s.name()) && placed.containsAll(s.dependencyNames()))
                    .findFirst().orElse(null);
            if (next == null) {
                List<String> cycle = cycle(byName, placed);
                findings.error("services." + cycle.get(0) + ".depends_on", "dependency cycle: "
                        + String.join(" → ", cycle));
                return List.of();
            }
            ordered.add(next);
            placed.add(next.name());
        }
        return ordered;
    }

    /** A cycle among the services not placed: each of them depends on another such service. */
    private static List<String> cycle(Map<String, ComposeService> byName, Set<String> placed) {
        String start = byName.keySet().stream().filter(n -> !placed.contains(n)).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = byName.get(current).dependencyNames().stream().filter(d -> !placed.contains(d))
                    .findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return cycle;
    }
}
