package io.cluman.server.checks;

import io.cluman.model.agent.CheckReport;
import io.cluman.model.api.CheckDispatchView;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.CheckView;
import io.cluman.model.check.Check;
import io.cluman.model.check.CheckResult;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.node.Node;
import io.cluman.model.validation.Durations;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.RepositoryMirror;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code /v1/checks} and the agents' check endpoints do: create, list, show and remove checks, tell where
 * each runs, hand a node its checks and keep their results. Dispatching is the leader's
 * {@link CheckDispatcher}'s: a new check is written dangling and dispatched by its next pass.
 */
public final class CheckOperations {
    private final JsonRepository<Check> checks;
    private final RepositoryMirror<Check> mirror;
    private final JsonRepository<Cluster> clusters;
    private final NodeRegistry nodes;
    private final CheckResults results;
    private final EventBus events;
    private final InstantSource clock;
    private volatile Digests digests = new Digests(-1, Map.of());

    /** @param mirror the checks in memory, for the agents' frequent reads and the results' look-ups */
    public CheckOperations(JsonRepository<Check> checks, RepositoryMirror<Check> mirror,
                           JsonRepository<Cluster> clusters, NodeRegistry nodes, CheckResults results, EventBus events,
                           InstantSource clock) {
        this.checks = checks;
        this.mirror = mirror;
        this.clusters = clusters;
        this.nodes = nodes;
        this.results = results;
        this.events = events;
        this.clock = clock;
    }

    /** Writes a new check (400 naming a bad field, 409 when the name is taken). */
    public CheckView create(CheckRequest request) {
        Check check = CheckSpecs.build(request, clock.instant(), name -> clusters.get(name).isPresent());
        try {
            checks.create(check.name(), check);
        } catch (StoreException.Conflict taken) {
            throw new ApiError.Conflict("check '" + check.name() + "' already exists", "name",
                    "is taken: pick another name, or remove the check first");
        }
        events.info(Topic.CHECK, Action.CREATE, "check", check.name(), "check " + check.name() + " created: "
                + check.type() + " " + check.target() + " every " + Durations.format(check.interval()) + " on a node of "
                + check.cluster());
        return get(check.name());
    }

    public List<CheckView> list() {
        return checks.list().stream().sorted(Comparator.comparing(Check::name)).map(this::view).toList();
    }

    public CheckView get(String name) {
        return view(find(name));
    }

    public void delete(String name) {
        Check check = find(name);
        if (!checks.delete(name, check.revision())) {
            throw new ApiError.Conflict("check '" + name + "' changed while being removed; try again");
        }
        results.forget(name);
        events.info(Topic.CHECK, Action.DELETE, "check", name, "check " + name + " removed");
    }

    /** Where every check runs, and those that are dangling. */
    public CheckDispatchView dispatch() {
        Map<String, List<String>> byNode = new TreeMap<>();
        List<String> dangling = new ArrayList<>();
        for (Check c : checks.list().stream().sorted(Comparator.comparing(Check::name)).toList()) {
            if (c.node() == null) {
                dangling.add(c.name());
            } else {
                byNode.computeIfAbsent(c.node(), n -> new ArrayList<>()).add(c.name());
            }
        }
        return new CheckDispatchView(byNode, dangling);
    }

    /** The checks dispatched to {@code nodeId}: what its agent runs (from memory: agents ask every few seconds). */
    public List<Check> forNode(String nodeId) {
        return mirror.values().stream().filter(c -> nodeId.equals(c.node()))
                .sorted(Comparator.comparing(Check::name)).toList();
    }

    /**
     * A digest of the checks dispatched to {@code nodeId} (their names and revisions), told to its agent with each
     * heartbeat: when it changes the agent fetches its checks. Rebuilt once per change of the checks, so a
     * heartbeat costs a map look-up.
     */
    public long digest(String nodeId) {
        Digests d = digests;
        long now = mirror.changes();
        if (d.changes() != now) {
            Map<String, Long> byNode = new HashMap<>();
            mirror.forEach(c -> {
                if (c.node() != null) {
                    byNode.merge(c.node(), 31L * c.name().hashCode() + c.revision(), Long::sum);
                }
            });
            d = new Digests(now, byNode);
            digests = d;
        }
        return d.byNode().getOrDefault(nodeId, 0L);
    }

    /** The digests of every node, as of a count of the mirror's changes. */
    private record Digests(long changes, Map<String, Long> byNode) {
    }

    /** Keeps the results of checks dispatched to the reporting node; returns how many were kept. */
    public int receive(CheckReport report) {
        return results.receive(report, mirror::get);
    }

    private CheckView view(Check c) {
        Optional<CheckResult> last = c.node() == null ? Optional.empty() : results.of(c.name(), c.node());
        String status = c.node() == null ? "dangling" : last.map(r -> r.passed() ? "passing" : "failing")
                .orElse("pending");
        return new CheckView(c.name(), c.type(), c.target(), Durations.format(c.interval()),
                Durations.format(c.timeout()), c.cluster(), c.node(),
                c.node() == null ? null : nodes.cached(c.node()).map(Node::name).orElse(null), c.dispatchedAt(),
                status, last.orElse(null), c.createdAt());
    }

    private Check find(String name) {
        return checks.get(name).orElseThrow(() -> new ApiError.NotFound("check", name));
    }
}
