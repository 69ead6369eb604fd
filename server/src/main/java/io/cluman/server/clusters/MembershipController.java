package io.cluman.server.clusters;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Leader-only: applies {@link MembershipReconciler}'s changes every {@code every}, each by compare-and-swap. */
public final class MembershipController implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(MembershipController.class);

    private final JsonRepository<Cluster> clusters;
    private final NodeRegistry nodes;
    private final EventBus events;
    private final Duration every;
    private ScheduledExecutorService timer;

    public MembershipController(JsonRepository<Cluster> clusters, NodeRegistry nodes, EventBus events,
                                Duration every) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.events = events;
        this.every = every;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("membership").factory());
        timer.scheduleWithFixedDelay(this::reconcile, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcile() {
        try {
            List<Cluster> current = clusters.list();
            for (MembershipReconciler.Change change : MembershipReconciler.reconcile(current, nodes.cachedAll())) {
                apply(change.nodeId(), current);
            }
        } catch (RuntimeException e) {
            LOG.warn("membership pass failed: {}", e.toString());
        }
    }

    private void apply(String nodeId, List<Cluster> current) {
        try {
            MembershipReconciler.Change[] applied = {null};
            nodes.update(nodeId, n -> {
                Optional<MembershipReconciler.Change> fresh = MembershipReconciler.decide(n, current);
                applied[0] = fresh.orElse(null);
                return fresh.map(c -> n.withCluster(c.cluster(), c.membership())).orElse(n);
            });
            if (applied[0] != null) {
                String message = applied[0].cluster() == null ? "node " + nodeId + " left its cluster"
                        : "node " + nodeId + " joined " + applied[0].cluster() + " by its selector";
                events.info(Topic.LOG_NODES_GROUP, Action.UPDATE, "node", nodeId, message);
            }
        } catch (StoreException e) {
            LOG.debug("membership of {} not changed now: {}", nodeId, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
