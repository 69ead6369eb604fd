package io.cluman.server.autoscale;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.service.AutoscalePolicy;
import io.cluman.model.service.Service;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.leader.PassLoop;
import io.cluman.server.metrics.ContainerMetricsHistory;
import io.cluman.model.validation.Durations;
import io.cluman.store.KvStore;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Leader-only: keeps each autoscaled service's count where its replicas' load asks. A policy is evaluated every
 * quarter of its window (2 s to 15 s), and at once when it is written. An evaluation averages the metric of every
 * running replica over the window (from the stats history agents send), turns it into a count
 * ({@link ScaleRecommender}), lets shrinking wait for the scale-down delay ({@link ScaleDownWindow}) and, when the
 * count changes, writes it to the service (compare-and-swap on the count it read) with an event on
 * {@code bus.cluman.service}; the service controller then places or removes replicas. Growing waits while
 * replicas of an earlier change do not run yet, so one burst of load is not counted twice. A count outside the
 * bounds (a policy just set) is brought within them at once.
 */
public final class Autoscaler implements Controller {
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration LEAST_EVERY = Duration.ofSeconds(2);
    private static final Duration MOST_EVERY = Duration.ofSeconds(15);

    private final KvStore store;
    private final JsonRepository<AutoscalePolicy> policies;
    private final JsonRepository<Service> services;
    private final Supplier<? extends Collection<Container>> containers;
    private final Supplier<? extends Collection<ContainerStatus>> statuses;
    private final ContainerMetricsHistory history;
    private final EventBus events;
    private final InstantSource clock;
    private final Map<String, Evaluation> evaluations = new ConcurrentHashMap<>();
    private final Map<String, ScaleDownWindow> windows = new HashMap<>();
    /** The revision of each policy last evaluated: a new one is evaluated at once, with a fresh history. */
    private final Map<String, Long> seen = new HashMap<>();
    private PassLoop loop;

    /**
     * @param containers every container now (the server's in-memory feed: a pass does not read the store for them)
     * @param statuses   every container's last status now (likewise from memory)
     */
    public Autoscaler(KvStore store, JsonRepository<AutoscalePolicy> policies, JsonRepository<Service> services,
                      Supplier<? extends Collection<Container>> containers,
                      Supplier<? extends Collection<ContainerStatus>> statuses,
                      ContainerMetricsHistory history, EventBus events, InstantSource clock) {
        this.store = store;
        this.policies = policies;
        this.services = services;
        this.containers = containers;
        this.statuses = statuses;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** The last evaluation of the policy of {@code service}, empty before the first (or on a follower). */
    public Optional<Evaluation> evaluation(String service) {
        return Optional.ofNullable(evaluations.get(service));
    }

    @Override
    public void start() {
        evaluations.clear();
        windows.clear();
        seen.clear();
        loop = PassLoop.start(store, policies.prefix(), TICK, "autoscaler", this::pass);
    }

    /** Evaluates every policy that is due; the loop calls it (public for the autoscaler benchmark). */
    public void pass() {
        Instant now = clock.instant();
        List<AutoscalePolicy> all = policies.list();
        Set<String> autoscaled = all.stream().map(AutoscalePolicy::service).collect(Collectors.toSet());
        evaluations.keySet().retainAll(autoscaled);
        windows.keySet().retainAll(autoscaled);
        seen.keySet().retainAll(autoscaled);
        List<AutoscalePolicy> due = all.stream().filter(p -> isDue(p, now)).toList();
        if (due.isEmpty()) {
            return;
        }
        Map<String, ContainerStatus> byAlloc = statuses.get().stream().filter(s -> s.allocId() != null)
                .collect(Collectors.toMap(ContainerStatus::allocId, s -> s, (a, b) -> a));
        Map<String, List<Container>> replicas = containers.get().stream().filter(c -> c.service() != null)
                .collect(Collectors.groupingBy(Container::service));
        for (AutoscalePolicy p : due) {
            if (!Long.valueOf(p.revision()).equals(seen.put(p.service(), p.revision()))) {
                windows.remove(p.service());
            }
            services.get(p.service()).ifPresent(s -> evaluate(p, s, replicas.getOrDefault(s.name(), List.of()),
                    byAlloc, now));
        }
    }

    private boolean isDue(AutoscalePolicy p, Instant now) {
        Evaluation last = evaluations.get(p.service());
        if (last == null || !Long.valueOf(p.revision()).equals(seen.get(p.service()))) {
            return true;
        }
        Duration every = p.window().dividedBy(4);
        every = every.compareTo(LEAST_EVERY) < 0 ? LEAST_EVERY : every.compareTo(MOST_EVERY) > 0 ? MOST_EVERY : every;
        return !now.isBefore(last.at().plus(every));
    }

    private void evaluate(AutoscalePolicy p, Service s, List<Container> replicas, Map<String, ContainerStatus> byAlloc,
                          Instant now) {
        Evaluation last = evaluations.get(p.service());
        Instant scaledAt = last == null ? null : last.scaledAt();
        if (p.bound(s.replicas()) != s.replicas()) {
            int to = p.bound(s.replicas());
            String why = "outside " + p.min() + ".." + p.max();
            evaluations.put(p.service(), new Evaluation(now, null, to, why, scale(s, to, why) ? now : scaledAt));
            return;
        }
        List<Container> running = replicas.stream().filter(c -> isRunning(c, byAlloc)).toList();
        // samples from before the last change measured another count: they do not count for the next one
        Instant from = scaledAt != null && scaledAt.isAfter(now.minus(p.window())) ? scaledAt : now.minus(p.window());
        OptionalDouble average = running.stream().map(c -> load(p, c, from, now)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
        if (average.isEmpty()) {
            evaluations.put(p.service(), new Evaluation(now, null, null, running.isEmpty()
                    ? "waiting: no replica runs" : "waiting: no " + p.metric() + " samples of the running replicas"
                    + (from.equals(scaledAt) ? " since the last change" : " in the last " + Durations.format(p.window()))
                    + " yet",
                    scaledAt));
            return;
        }
        ScaleRecommender.Recommendation r = ScaleRecommender.recommend(p, s.replicas(), average.getAsDouble());
        int to = windows.computeIfAbsent(p.service(), k -> new ScaleDownWindow())
                .settle(s.replicas(), r.replicas(), now, p.scaleDownDelay());
        String reason = r.reason();
        if (to > s.replicas() && running.size() < s.replicas()) {
            reason += "; growing waits until the " + s.replicas() + " replicas run (" + running.size() + " do)";
            to = s.replicas();
        } else if (to > r.replicas()) {
            reason += "; shrinking waits for the scale-down delay";
        }
        boolean scaled = to != s.replicas() && scale(s, to, reason);
        evaluations.put(p.service(), new Evaluation(now, average.getAsDouble(), r.replicas(), reason,
                scaled ? now : scaledAt));
    }

    private static boolean isRunning(Container c, Map<String, ContainerStatus> byAlloc) {
        ContainerStatus st = byAlloc.get(c.allocId());
        return st != null && st.state() == TaskState.RUNNING;
    }

    /**
     * The replica's average of the policy's metric over [{@code from}, {@code now}): cpu and memory in % of its
     * limit, requests in connections.
     */
    private OptionalDouble load(AutoscalePolicy p, Container c, Instant from, Instant now) {
        if (AutoscalePolicy.REQUESTS.equals(p.metric())) {
            return history.mean(c.name(), "connections", from, now);
        }
        if (AutoscalePolicy.MEMORY.equals(p.metric())) {
            long limit = c.spec().memory();
            OptionalDouble used = history.mean(c.name(), "memory", from, now);
            return limit <= 0 || used.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(used.getAsDouble() * 100 / limit);
        }
        double cores = c.spec().cpus() > 0 ? c.spec().cpus() : 1;
        OptionalDouble cpu = history.mean(c.name(), "cpu", from, now);
        return cpu.isEmpty() ? cpu : OptionalDouble.of(cpu.getAsDouble() / cores);
    }

    /** Sets the count from what was read to {@code to}; false when the service changed meanwhile. */
    private boolean scale(Service read, int to, String why) {
        boolean[] done = {false};
        try {
            services.update(read.name(), s -> {
                done[0] = s.replicas() == read.replicas();
                return done[0] ? s.withReplicas(to) : s;
            });
        } catch (StoreException e) {
            return false; // removed or changed meanwhile: the next evaluation reads it again
        }
        if (done[0]) {
            events.info(Topic.SERVICE, Action.UPDATE, "service", read.name(), "service " + read.name()
                    + " autoscaled from " + read.replicas() + " to " + to + " replica(s): " + why);
        }
        return done[0];
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }
}
