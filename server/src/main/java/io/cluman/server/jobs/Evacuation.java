package io.cluman.server.jobs;

import io.cluman.model.container.Container;
import io.cluman.model.service.Service;
import io.cluman.store.repo.JsonRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What still holds a draining node: the service replicas on it. The service controller moves them
 * (replacement first, see {@code DeploymentPlanner}); this only looks, so a drain step can wait and say why.
 * Plain containers (no service) are left where they are: Cluman has no other home for them.
 */
final class Evacuation {
    private final JsonRepository<Container> containers;
    private final JsonRepository<Service> services;

    Evacuation(JsonRepository<Container> containers, JsonRepository<Service> services) {
        this.containers = containers;
        this.services = services;
    }

    /**
     * What still holds the node's replicas.
     *
     * @param left   how many service replicas are still on the node
     * @param why    the replicas, each with what its service waits for
     * @param noRoom whether a service of one of them cannot place a replacement ({@link Service#noRoom()})
     */
    record Pending(int left, String why, boolean noRoom) {
    }

    /** What holds {@code nodeId}'s replicas; empty when none is left on it. */
    Optional<Pending> pending(String nodeId) {
        List<Container> left = containers.list().stream()
                .filter(c -> nodeId.equals(c.node()) && c.service() != null).toList();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        Set<String> theirs = left.stream().map(Container::service).collect(Collectors.toSet());
        Map<String, Service> waiting = services.list().stream()
                .filter(s -> s.waiting() != null && theirs.contains(s.name()))
                .collect(Collectors.toMap(Service::name, s -> s));
        Function<Container, String> why = c -> c.name() + (waiting.containsKey(c.service())
                ? " (" + c.service() + ": " + waiting.get(c.service()).waiting() + ")" : "");
        return Optional.of(new Pending(left.size(), "moving " + left.size() + " service replica(s) off the node: "
                + left.stream().map(why).collect(Collectors.joining(", ")),
                waiting.values().stream().anyMatch(Service::noRoom)));
    }

    /** The plain containers left on {@code nodeId}, named, for the step's final message. */
    String plainLeft(String nodeId) {
        List<String> plain = containers.list().stream().filter(c -> nodeId.equals(c.node()) && c.service() == null)
                .map(Container::name).sorted().toList();
        return plain.isEmpty() ? "" : "; " + plain.size() + " plain container(s) left as they are: "
                + String.join(", ", plain);
    }
}
