package io.cluman.server.checks;

import io.cluman.model.check.Check;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.leader.PassLoop;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.KvStore;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.RepositoryMirror;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Leader-only: dispatches each check to one node of its cluster, and again when that node goes off, turns
 * unhealthy, leaves service (drain, decommission) or leaves the cluster (Datadog's dangling checks). A pass runs
 * every {@code every} and at once when a check is written; moves are written with compare-and-swap on the
 * check's revision, each with an event on {@code bus.cluman.check}. A node is off {@code --off-after} after its
 * last heartbeat, so that is how long a check of a dead agent goes without runs.
 */
public final class CheckDispatcher implements Controller {
    private final KvStore store;
    private final JsonRepository<Check> checks;
    private final RepositoryMirror<Check> mirror;
    private final NodeRegistry nodes;
    private final EventBus events;
    private final InstantSource clock;
    private final Duration every;
    private PassLoop loop;

    /**
     * @param mirror the checks in memory: a pass reads them there (a move written on a stale copy fails its
     *               compare-and-swap and is tried again by the next pass)
     */
    public CheckDispatcher(KvStore store, JsonRepository<Check> checks, RepositoryMirror<Check> mirror,
                           NodeRegistry nodes, EventBus events, InstantSource clock, Duration every) {
        this.store = store;
        this.checks = checks;
        this.mirror = mirror;
        this.nodes = nodes;
        this.events = events;
        this.clock = clock;
        this.every = every;
    }

    @Override
    public void start() {
        loop = PassLoop.start(store, checks.prefix(), every, "check-dispatch", this::pass);
    }

    /** Moves what must move. Package-visible for tests. */
    void pass() {
        List<Check> all = List.copyOf(mirror.values());
        Map<String, Check> byName = all.stream().collect(Collectors.toMap(Check::name, c -> c));
        CheckPlacement.moves(all, nodes.cachedAll()).forEach((name, to) -> move(byName.get(name), to));
    }

    private void move(Check check, Optional<String> to) {
        try {
            checks.replace(check.name(), check.dispatchedTo(to.orElse(null), clock.instant()), check.revision());
        } catch (StoreException e) {
            return; // changed or removed meanwhile: the next pass sees it as it is
        }
        String from = check.node() == null ? "" : " (was on node " + name(check.node()) + ")";
        if (to.isPresent()) {
            events.info(Topic.CHECK, Action.UPDATE, "check", check.name(), "check " + check.name()
                    + " dispatched to node " + name(to.get()) + from);
        } else {
            events.warn(Topic.CHECK, Action.UPDATE, "check", check.name(), "check " + check.name() + " is dangling"
                    + from + ": no node of " + check.cluster() + " is ACTIVE, on and healthy");
        }
    }

    private String name(String nodeId) {
        return nodes.cached(nodeId).map(n -> n.name()).orElse(nodeId);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }
}
