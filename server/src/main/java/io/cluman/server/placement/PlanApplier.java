package io.cluman.server.placement;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.scheduler.HostPorts;
import io.cluman.scheduler.Plan;
import io.cluman.scheduler.PlanCheck;
import io.cluman.scheduler.PlanChecker;
import io.cluman.scheduler.PlacementResult;
import io.cluman.scheduler.Sampling;
import io.cluman.scheduler.Scheduler;
import io.cluman.scheduler.Snapshot;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.Compare;
import io.cluman.store.KvStore;
import io.cluman.store.Op;
import io.cluman.store.Txn;
import io.cluman.store.TxnResult;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.StoreJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one path through which placements commit. Per attempt:
 * <pre>
 *   read guards, containers, nodes (StoreRead) ─▶ Scheduler.place ─▶ per replica: ReplicaFactory.make,
 *   PlanChecker.check against the snapshot plus what this batch committed ─▶ commit a chunk in one txn:
 *   every touched node's guard key unchanged since the read, every name absent ─▶ puts (container,
 *   PENDING status, guard)
 * </pre>
 * A failed compare (another placement touched one of the nodes) re-reads and re-plans what is left, up to
 * {@code attempts} times. Every writer of a placement rewrites the node's guard, so two placements that read
 * the same state can never both commit onto one node: a node is never oversubscribed. Removing a container
 * needs no guard (it only frees resources). Thread-safe: it holds no state between calls.
 */
public final class PlanApplier {
    /**
     * Operations per transaction (etcd's default limit): a chunk takes as many containers as fit, two puts each
     * plus a guard per node — 63 on one node, so a 50-replica service there is one write that its agent
     * learns at once; 42 when every container goes to a node of its own.
     */
    static final int MAX_OPS = 128;
    /**
     * Up to this many nodes every feasible node is scored (no cost concern, and a service's replicas always
     * find the nodes without one); above, the scheduler's bounded sampling.
     */
    static final int EXHAUSTIVE_UP_TO = 64;

    private final KvStore store;
    private final JsonRepository<Container> containers;
    private final JsonRepository<ContainerStatus> statuses;
    private final NodeRegistry nodes;
    private final int attempts;

    public PlanApplier(KvStore store, JsonRepository<Container> containers, JsonRepository<ContainerStatus> statuses,
                       NodeRegistry nodes, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.store = store;
        this.containers = containers;
        this.statuses = statuses;
        this.nodes = nodes;
        this.attempts = attempts;
    }

    /**
     * Places {@code batch.request().replicas()} replicas, making each record with {@code factory}.
     *
     * @throws NameTaken when a record's name is already in the store (nothing of that chunk is written)
     */
    public Outcome apply(Batch batch, ReplicaFactory factory) {
        return apply(batch, factory, Map.of());
    }

    /**
     * Like {@link #apply(Batch, ReplicaFactory)}, but a record whose name is in {@code replacing} overwrites the
     * existing record of that name, compared on the revision given (the old allocation goes in the same
     * transaction); a record changed meanwhile counts as a conflict, so after the attempts the outcome is
     * contended and nothing of it is written.
     *
     * @param replacing container name → the store revision of the record it replaces
     */
    public Outcome apply(Batch batch, ReplicaFactory factory, Map<String, Long> replacing) {
        List<Container> written = new ArrayList<>();
        String conflict = "";
        for (int attempt = 0; attempt < attempts; attempt++) {
            int left = batch.request().replicas() - written.size();
            if (left <= 0) {
                return Outcome.placed(written);
            }
            StoreRead read = StoreRead.of(store, containers, nodes.readAll(), batch);
            Sampling sampling = read.snapshot().size() <= EXHAUSTIVE_UP_TO ? Sampling.EXHAUSTIVE : Sampling.BOUNDED;
            PlacementResult result = new Scheduler(read.snapshot(), batch.seed() + attempt, sampling)
                    .place(read.request(batch, left));
            switch (commit(read, result.plan(), factory, written, replacing)) {
                case Ending.Conflict c -> conflict = c.why();
                case Ending.Misfit m -> {
                    return Outcome.refused(written, m.why());
                }
                case Ending.Done d -> {
                    return switch (result) {
                        case PlacementResult.Placed p -> Outcome.placed(written);
                        case PlacementResult.PartlyPlaced p -> Outcome.refused(written, p.why().reasons());
                        case PlacementResult.Unplaced u -> Outcome.refused(written, u.why().reasons());
                    };
                }
            }
        }
        return new Outcome(written, Optional.of("other placements kept changing the same nodes (" + attempts
                + " attempts; last: " + conflict + "): try again"), true);
    }

    /** How committing a plan ended: all written, a compare failed (re-plan), or a record does not fit. */
    private sealed interface Ending {
        record Done() implements Ending {
        }

        record Conflict(String why) implements Ending {
        }

        record Misfit(String why) implements Ending {
        }
    }

    /** Commits {@code plan} in chunks, adding what it wrote to {@code written}. */
    private Ending commit(StoreRead read, Plan plan, ReplicaFactory factory, List<Container> written,
                          Map<String, Long> replacing) {
        Snapshot current = read.snapshot();
        Map<String, Long> guards = new HashMap<>(read.guards());
        List<String> ids = plan.nodeIds();
        for (int from = 0; from < ids.size(); ) {
            List<Container> chunk = new ArrayList<>();
            Set<String> chunkNodes = new HashSet<>();
            Optional<String> misfit = Optional.empty();
            for (; from < ids.size() && fits(chunk.size() + 1, chunkNodes, ids.get(from)); from++) {
                String id = ids.get(from);
                Container c = factory.make(read.nodes().get(id));
                Plan one = new Plan(plan.service(), List.of(id), Math.round(c.spec().cpus() * 1000),
                        c.spec().memory(), HostPorts.of(c.spec().ports()));
                PlanCheck check = PlanChecker.check(one, current);
                if (!check.fits()) {
                    misfit = Optional.of(String.join("; ", check.conflicts()));
                    break;
                }
                current = current.withPlan(one);
                chunk.add(c);
                chunkNodes.add(id);
            }
            if (!chunk.isEmpty()) {
                Optional<String> failed = write(guards, chunk, replacing);
                if (failed.isPresent()) {
                    return new Ending.Conflict(failed.get());
                }
                written.addAll(chunk);
            }
            if (misfit.isPresent()) {
                return new Ending.Misfit(misfit.get());
            }
        }
        return new Ending.Done();
    }

    /** Whether {@code containers} containers on {@code nodes} plus {@code next} fit one transaction. */
    private static boolean fits(int containers, Set<String> nodes, String next) {
        int guards = nodes.size() + (nodes.contains(next) ? 0 : 1);
        return 2 * containers + guards <= MAX_OPS;
    }

    /**
     * One transaction for {@code chunk}, comparing the guards of its nodes with {@code guards} (updated on
     * success); empty when it committed, else the conflict.
     */
    private Optional<String> write(Map<String, Long> guards, List<Container> chunk, Map<String, Long> replacing) {
        Set<String> touched = new LinkedHashSet<>();
        chunk.forEach(c -> touched.add(c.node()));
        List<Compare> compares = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        for (String node : touched) {
            String guard = StoreRead.guardKey(node);
            compares.add(Compare.modRevision(guard, guards.getOrDefault(guard, 0L)));
            ops.add(Op.put(guard, node.getBytes(StandardCharsets.UTF_8)));
        }
        for (Container c : chunk) {
            Long replaced = replacing.get(c.name());
            compares.add(replaced == null ? Compare.absent(containers.key(c.name()))
                    : Compare.modRevision(containers.key(c.name()), replaced));
            ops.add(Op.put(containers.key(c.name()), StoreJson.write(c)));
            ops.add(Op.put(statuses.key(c.name()), StoreJson.write(ContainerStatus.pending(c.allocId(), c.node(),
                    c.createdAt()))));
        }
        TxnResult result = store.txn(Txn.when(compares, ops, List.of()));
        if (result.succeeded()) {
            touched.forEach(node -> guards.put(StoreRead.guardKey(node), result.revision()));
            return Optional.empty();
        }
        for (Container c : chunk) {
            if (!replacing.containsKey(c.name()) && store.get(containers.key(c.name())).isPresent()) {
                throw new NameTaken(c.name());
            }
        }
        return Optional.of("node " + String.join(", ", touched) + " took another placement meanwhile");
    }

    /** A container of that name already exists; nothing of its chunk was written. */
    public static final class NameTaken extends RuntimeException {
        private final String name;

        NameTaken(String name) {
            super("container '" + name + "' already exists");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
