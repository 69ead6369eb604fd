package io.cluman.server.containers;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.Container;
import io.cluman.model.container.DesiredState;
import io.cluman.model.node.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which plain containers (no service) are placed again: those that are {@link Container#movable() movable},
 * meant to run, and whose node has been off for at least the lost grace (or is gone), unless the storm guard
 * holds re-placement in their group (the cluster they were placed in, else {@code all}). Pure.
 */
public final class LostContainers {
    private LostContainers() {
    }

    /**
     * What a pass does.
     *
     * @param move the containers to place again, by name
     * @param held group → why its lost containers wait (the storm guard), for groups that have one
     */
    public record Decision(List<Container> move, Map<String, String> held) {
        public Decision {
            move = List.copyOf(move);
            held = Map.copyOf(held);
        }
    }

    /**
     * @param nodes node id → node; a container whose node is not there counts as lost since long ago
     * @param storm group → why re-placement there is held, empty when it may go on
     */
    public static Decision decide(Collection<Container> containers, Map<String, Node> nodes, Instant now,
                                  Duration grace, Function<String, Optional<String>> storm) {
        List<Container> move = new ArrayList<>();
        Map<String, String> held = new TreeMap<>();
        containers.stream().filter(c -> c.service() == null && c.movable() && c.desired() == DesiredState.RUNNING)
                .filter(c -> lost(nodes.get(c.node()), now, grace))
                .sorted(Comparator.comparing(Container::name))
                .forEach(c -> {
                    String group = group(c);
                    storm.apply(group).ifPresentOrElse(why -> held.put(group, why), () -> move.add(c));
                });
        return new Decision(move, held);
    }

    /** The group a container was placed in: its cluster, else every node. */
    public static String group(Container c) {
        return c.cluster() == null ? Cluster.ALL : c.cluster();
    }

    private static boolean lost(Node node, Instant now, Duration grace) {
        if (node == null) {
            return true;
        }
        if (node.on()) {
            return false;
        }
        Instant offSince = node.lastSeen() == null ? Instant.EPOCH : node.lastSeen();
        return !offSince.plus(grace).isAfter(now);
    }
}
