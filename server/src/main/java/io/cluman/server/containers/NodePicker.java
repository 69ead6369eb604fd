package io.cluman.server.containers;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeLifecycle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Chooses the least-loaded eligible node for a container, or says why none fits. Pure. Eligible: ACTIVE,
 * on, healthy, has the driver, none of the spec's host ports taken by another container there. Least
 * loaded: least memory allocated, then fewest containers, then name. (The scheduler replaces this.)
 */
final class NodePicker {
    private NodePicker() {
    }

    /** The chosen node, or the reasons every candidate was refused. */
    record Pick(Optional<Node> node, String explanation) {
    }

    static Pick pick(ContainerSpec spec, Collection<Node> candidates, Collection<Container> placed) {
        return pick(spec, candidates, placed, n -> 0);
    }

    /**
     * As {@link #pick(ContainerSpec, Collection, Collection)}, but among eligible nodes those with the lowest
     * {@code rank} come first (a service's replicas: nodes without one of its replicas), then the least loaded.
     */
    static Pick pick(ContainerSpec spec, Collection<Node> candidates, Collection<Container> placed,
                     ToIntFunction<Node> rank) {
        Map<String, List<Container>> byNode = placed.stream().collect(Collectors.groupingBy(Container::node));
        Map<String, Integer> refused = new TreeMap<>();
        List<Node> eligible = new ArrayList<>();
        for (Node n : candidates) {
            Optional<String> why = refusal(spec, n, byNode.getOrDefault(n.id(), List.of()));
            if (why.isPresent()) {
                refused.merge(why.get(), 1, Integer::sum);
            } else {
                eligible.add(n);
            }
        }
        Function<Node, Long> memory = n -> byNode.getOrDefault(n.id(), List.of()).stream()
                .mapToLong(c -> c.spec().memory()).sum();
        Function<Node, Integer> count = n -> byNode.getOrDefault(n.id(), List.of()).size();
        Optional<Node> best = eligible.stream().min(Comparator.comparingInt(rank).thenComparing(memory).thenComparing(count)
                .thenComparing(Node::name));
        String explanation = candidates.size() + " node(s)" + (refused.isEmpty() ? "" : ": " + refused.entrySet()
                .stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        return new Pick(best, explanation);
    }

    /** Why {@code n} cannot take the container, or empty when it can. */
    static Optional<String> refusal(ContainerSpec spec, Node n, List<Container> onNode) {
        if (!n.on()) {
            return Optional.of("off");
        }
        if (!NodeLifecycle.takesPlacements(n.state())) {
            return Optional.of("not ACTIVE");
        }
        if (!n.healthy()) {
            return Optional.of("unhealthy");
        }
        if (!n.facts().drivers().contains(spec.driver().wireName())) {
            return Optional.of("without driver " + spec.driver().wireName());
        }
        List<Integer> taken = onNode.stream().flatMap(c -> SpecBuilder.hostPorts(c.spec()).stream()).toList();
        for (int port : SpecBuilder.hostPorts(spec)) {
            if (taken.contains(port)) {
                return Optional.of("with port " + port + " taken");
            }
        }
        return Optional.empty();
    }
}
