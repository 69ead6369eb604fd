package io.cluman.agent.checks;

import io.cluman.agent.health.HealthProbe;
import io.cluman.agent.health.HttpProbe;
import io.cluman.agent.health.ProbeResult;
import io.cluman.agent.health.TcpProbe;
import io.cluman.model.agent.CheckReport;
import io.cluman.model.check.Check;
import io.cluman.model.check.CheckResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the checks dispatched to this node. It asks the server for them when a heartbeat's answer tells a new
 * digest of them ({@link #digest}), and every {@code refresh} in any case (a check that is gone or moved to another
 * node stops; a new one runs at once); it runs each that is due on its own virtual thread
 * (never two runs of one check at once), and every second sends the results gathered since the last send. A send that fails
 * keeps the newest result of each check for the next one: results are reports, not work, so older ones go.
 */
public final class CheckLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckLoop.class);
    private static final Duration TICK = Duration.ofMillis(250);
    /** How often gathered results are sent: at most one report a second, each with every result since the last. */
    private static final Duration FLUSH = Duration.ofSeconds(1);

    private final String nodeId;
    private final Supplier<List<Check>> fetch;
    private final Consumer<CheckReport> send;
    private final Duration refresh;
    private final InstantSource clock;
    private final Map<String, Scheduled> scheduled = new HashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<CheckResult> results = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Instant nextRefresh = Instant.MIN;
    private volatile long digest;
    private Instant nextFlush = Instant.MIN;

    /** A check and when it runs next. */
    private record Scheduled(Check check, Instant next) {
    }

    /**
     * @param fetch the checks dispatched to this node ({@code ClumanClient::agentChecks}); may throw
     * @param send  sends a report ({@code ClumanClient::reportCheckResults}); may throw
     */
    public CheckLoop(String nodeId, Supplier<List<Check>> fetch, Consumer<CheckReport> send, Duration refresh,
                     InstantSource clock) {
        this.nodeId = nodeId;
        this.fetch = fetch;
        this.send = send;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** A heartbeat's answer told {@code newDigest}: a different one makes the next tick fetch the checks. */
    public void digest(long newDigest) {
        if (newDigest != digest) {
            digest = newDigest;
            nextRefresh = Instant.MIN;
        }
    }

    public CheckLoop start() {
        Thread.ofVirtual().name("checks").start(this::run);
        return this;
    }

    private void run() {
        try {
            while (!closed.await(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    tick(clock.instant());
                } catch (RuntimeException e) {
                    LOG.warn("check round failed: {}", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One tick: fetch the checks and send the results when due, start the runs that are due. For tests too. */
    void tick(Instant now) {
        if (!now.isBefore(nextRefresh)) {
            nextRefresh = now.plus(refresh);
            refresh(now);
        }
        if (!now.isBefore(nextFlush)) {
            nextFlush = now.plus(FLUSH);
            flush();
        }
        for (Map.Entry<String, Scheduled> e : scheduled.entrySet()) {
            Scheduled s = e.getValue();
            if (!now.isBefore(s.next()) && running.add(s.check().name())) {
                e.setValue(new Scheduled(s.check(), now.plus(s.check().interval())));
                Thread.ofVirtual().name("check-" + s.check().name()).start(() -> runOnce(s.check()));
            }
        }
    }

    private void refresh(Instant now) {
        List<Check> dispatched;
        try {
            dispatched = fetch.get();
        } catch (RuntimeException e) {
            LOG.debug("cannot fetch this node's checks now: {}", e.getMessage());
            return; // keep running what we have: the server may be restarting
        }
        Map<String, Check> byName = new HashMap<>();
        dispatched.forEach(c -> byName.put(c.name(), c));
        scheduled.keySet().retainAll(byName.keySet());
        byName.forEach((name, check) -> scheduled.compute(name, (k, s) -> s == null || !s.check().equals(check)
                ? new Scheduled(check, now) : s));
    }

    /** Runs {@code check} once and queues its result. */
    void runOnce(Check check) {
        long start = System.nanoTime();
        Instant at = clock.instant();
        try {
            ProbeResult r = probe(check).run(check.timeout());
            results.add(new CheckResult(check.name(), r.passed(), r.output(), (System.nanoTime() - start) / 1_000_000,
                    at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            results.add(new CheckResult(check.name(), false, e.toString(), (System.nanoTime() - start) / 1_000_000,
                    at));
        } finally {
            running.remove(check.name());
        }
    }

    static HealthProbe probe(Check check) {
        if (Check.TCP.equals(check.type())) {
            int colon = check.target().lastIndexOf(':');
            String host = check.target().substring(0, colon).replace("[", "").replace("]", "");
            return new TcpProbe(host, Integer.parseInt(check.target().substring(colon + 1)));
        }
        return new HttpProbe(URI.create(check.target()));
    }

    /** Sends what was gathered; on failure keeps the newest result of each check. */
    void flush() {
        List<CheckResult> batch = new ArrayList<>();
        for (CheckResult r; (r = results.poll()) != null; ) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            send.accept(new CheckReport(nodeId, batch));
        } catch (RuntimeException e) {
            LOG.debug("cannot send {} check result(s) now: {}", batch.size(), e.getMessage());
            Map<String, CheckResult> newest = new HashMap<>();
            batch.forEach(r -> newest.merge(r.check(), r, (a, b) -> b.at().isAfter(a.at()) ? b : a));
            results.addAll(newest.values());
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
