package io.cluman.agent.heartbeat;

import io.cluman.agent.identity.NodeIdFile;
import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeState;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the server, then heartbeats until closed.
 *
 * <pre>
 *            start()
 *               │
 *               ▼       unreachable / 5xx: wait 1 s, 2 s, 4 s … 30 s, retry
 *   ┌──────► JOINING ◄─┐ 401 / 403 / other 4xx: log an error, retry every 60 s
 *   │           │ ok ──┘ (the node id is written to the data dir, {@link #joined()} completes)
 *   │ 404       ▼       network error / 5xx: log, retry at the interval
 *   └──── HEARTBEATING ◄┐ 401 / 403: log an error, retry every 60 s
 *               │ ok ───┘ next heartbeat = planned time + the reply's interval (fixed rate)
 *               ▼
 *   close() from any state ──► CLOSED (no heartbeat starts after close() returns)
 * </pre>
 *
 * <p>A 404 on a heartbeat means the server forgot the node: the loop joins again at once, sending the
 * kept id, so the node keeps its identity.
 *
 * <p>The node's certificate is the {@link JoinCredentials}' business: they add a certificate request to a
 * join made with the token and take the certificate from its reply (refusing a reply whose CA does not match
 * the token's pin: the loop then retries as after a rejection). A 401 on a join made with the node's
 * certificate means the node was removed: the credentials and the kept id are dropped and the loop joins
 * again with the token, as a new node. A 403 (the node is decommissioned) keeps them and retries slowly. A 401/403 on a heartbeat over the certificate sends the loop back to
 * joining, which finds out which it is.
 *
 * <p><b>Threading.</b> The loop runs on one virtual thread started by {@link #start()}; it alone calls
 * the client, the {@link NodeReport} and the {@link NodeIdFile}. Between attempts it waits on a
 * {@link Condition} with a timeout computed from the injected clock (re-checked after every wake-up,
 * so a manual clock works too). {@link #close()} may be called from any thread: it marks the loop
 * closed and wakes it, lets a call in flight finish for {@link LoopTiming#closeGrace()}, then
 * interrupts the thread and waits for it to end. {@link #nodeId()}, {@link #state()} and
 * {@link #joined()} are safe to read from any thread.
 */
public final class HeartbeatLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLoop.class);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ClumanClient client;
    private final NodeIdFile idFile;
    private final JoinCredentials credentials;
    private final String name;
    private final Map<String, String> labels;
    private final NodeReport report;
    private final InstantSource clock;
    private final LoopTiming timing;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final CompletableFuture<String> joined = new CompletableFuture<>();
    private volatile String nodeId;
    private volatile NodeState state;
    private volatile Consumer<HeartbeatResponse> listener = reply -> { };
    private boolean idKept; // whether nodeId is the one in the id file; loop thread only (and start())
    private boolean closed; // guarded by lock
    private Thread thread; // guarded by lock

    /** A loop without node certificates: the join token for every request. */
    public HeartbeatLoop(ClumanClient client, NodeIdFile idFile, String name, Map<String, String> labels,
                         NodeReport report, InstantSource clock, LoopTiming timing) {
        this(client, idFile, JoinCredentials.NONE, name, labels, report, clock, timing);
    }

    /**
     * @param credentials the node's certificate: what joins send and what their replies give
     * @param name        the node's name; blank: the hostname from the report's facts
     * @param labels      the node's labels, sent with every join
     */
    public HeartbeatLoop(ClumanClient client, NodeIdFile idFile, JoinCredentials credentials, String name,
                         Map<String, String> labels, NodeReport report, InstantSource clock, LoopTiming timing) {
        this.client = client;
        this.idFile = idFile;
        this.credentials = credentials;
        this.name = name == null ? "" : name;
        this.labels = Map.copyOf(labels);
        this.report = report;
        this.clock = clock;
        this.timing = timing;
    }

    /**
     * Reads the kept node id and starts the loop's thread.
     *
     * @throws UncheckedIOException   when the node-id file cannot be read
     * @throws IllegalStateException when started twice or after close
     */
    public void start() {
        lock.lock();
        try {
            if (closed || thread != null) {
                throw new IllegalStateException(closed ? "the heartbeat loop is closed" : "already started");
            }
            nodeId = idFile.read().orElse(null);
            idKept = nodeId != null;
            thread = Thread.ofVirtual().name("cluman-agent-heartbeat").start(this::run);
        } finally {
            lock.unlock();
        }
    }

    /** The node's id: the kept one, or the one of the last join; empty before the first join ever. */
    public Optional<String> nodeId() {
        return Optional.ofNullable(nodeId);
    }

    /** The node's lifecycle state from the last heartbeat reply; empty before one arrived. */
    /** Tells {@code onReply} every answer to a heartbeat (on the heartbeat thread: it must be quick). */
    public void listen(Consumer<HeartbeatResponse> onReply) {
        this.listener = onReply;
    }

    public Optional<NodeState> state() {
        return Optional.ofNullable(state);
    }

    /** Completes with the node id at the first successful join; cancelled when closed before. */
    public CompletableFuture<String> joined() {
        return joined.copy();
    }

    /** Waits up to {@code timeout} for the first join; whether it happened. */
    public boolean awaitJoined(Duration timeout) {
        try {
            joined.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the loop; returns once its thread ended (or after a bounded wait, logged). Idempotent. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            wakeUp.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        joined.completeExceptionally(new CancellationException("the agent closed before joining"));
        if (running == null || !stillRunningAfter(running, timing.closeGrace())) {
            return;
        }
        running.interrupt();
        if (stillRunningAfter(running, CLOSE_WAIT)) {
            LOG.warn("the heartbeat thread did not stop within {}", text(CLOSE_WAIT));
        }
    }

    private void run() {
        try {
            while (!isClosed()) {
                Optional<Duration> interval = join();
                if (interval.isEmpty()) {
                    return;
                }
                heartbeat(interval.get());
            }
        } finally {
            joined.completeExceptionally(new CancellationException("the agent closed before joining"));
        }
    }

    /** Joins, retrying until it works; the heartbeat interval, or empty when closed meanwhile. */
    private Optional<Duration> join() {
        Backoff backoff = new Backoff(timing.minBackoff(), timing.maxBackoff());
        while (!isClosed()) {
            Duration wait;
            try {
                JoinResponse reply = client.join(joinRequest());
                boolean named = reply != null && reply.nodeId() != null && !reply.nodeId().isBlank();
                if (named && credentials.accept(reply)) {
                    accept(reply);
                    return Optional.of(interval(reply.heartbeatIntervalMillis(), timing.defaultInterval()));
                }
                wait = named ? timing.rejectedRetry() : backoff.next();
                LOG.warn("join at {} {}; retrying in {}", client.address(),
                        named ? "gave credentials the agent does not trust" : "answered without a node id", text(wait));
            } catch (ApiException e) {
                URI refusedBy = client.address(); // before the credentials go: then it is the join URL
                // 401: the node was removed, its certificate admits it no more. 403 (decommissioned) keeps it:
                // the node is still the cluster's, an operator may commission it again.
                if (e.status() == 401 && credentials.dropAfterRejection()) {
                    forgetNode(refusedBy, e);
                    continue;
                }
                wait = e.status() >= 500 || e.status() == 429 ? backoff.next() : timing.rejectedRetry();
                logJoinRejected(e, wait);
            } catch (RuntimeException e) {
                wait = backoff.next();
                if (!isClosed()) {
                    LOG.warn("cannot join {}: {}; retrying in {}", client.address(), e.getMessage(), text(wait));
                }
            }
            if (!sleepUntil(clock.instant().plus(wait))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private JoinRequest joinRequest() {
        NodeFacts facts = report.facts();
        return new JoinRequest(nodeId, name.isBlank() ? facts.hostname() : name, labels, facts,
                credentials.csrForJoin(nodeId));
    }

    /** The node was removed (its certificate refused): forget its id too, the next join makes a new node. */
    private void forgetNode(URI refusedBy, ApiException e) {
        LOG.error("the server at {} refused node {}'s certificate ({}): the node was removed from the cluster;"
                + " its credentials and id are deleted and the agent joins again with its token as a new node",
                refusedBy, nodeId, e.getMessage());
        try {
            idFile.delete();
        } catch (UncheckedIOException failed) {
            LOG.error("{}; the next join sends no id anyway", failed.getMessage());
        }
        nodeId = null;
        idKept = false;
    }

    private void accept(JoinResponse reply) {
        String kept = nodeId;
        if (kept != null && !kept.equals(reply.nodeId())) {
            LOG.warn("the server gave a new node id {} instead of the kept {}", reply.nodeId(), kept);
        }
        if (!idKept || !reply.nodeId().equals(kept)) {
            try {
                idFile.write(reply.nodeId());
                idKept = true;
            } catch (UncheckedIOException e) {
                idKept = false;
                // the node keeps working; only a restart would come back as a new node
                LOG.error("{}; a restarted agent will join as a new node", e.getMessage());
            }
        }
        nodeId = reply.nodeId();
        LOG.info("{} {} as node {} ({}), heartbeat every {} ms", kept == null ? "joined" : "rejoined",
                client.address(), reply.nodeId(), reply.name(), reply.heartbeatIntervalMillis());
        joined.complete(reply.nodeId());
    }

    private void logJoinRejected(ApiException e, Duration wait) {
        if (!isClosed()) {
            RefusalLog.joinRefused(client.address(), e, wait, credentials.inUse());
        }
    }

    private void heartbeat(Duration firstInterval) {
        Duration interval = firstInterval;
        Instant next = clock.instant().plus(interval);
        int failures = 0;
        while (sleepUntil(next)) {
            try {
                HeartbeatResponse reply = client.heartbeat(
                        new HeartbeatRequest(nodeId, report.facts(), report.metrics(), report.drivers()));
                if (failures > 0) {
                    LOG.info("heartbeats reach {} again after {} failures", client.address(), failures);
                }
                failures = 0;
                state = reply.state();
                listener.accept(reply);
                interval = interval(reply.heartbeatIntervalMillis(), interval);
                next = nextAtFixedRate(next, interval);
            } catch (ApiException e) {
                if (isClosed()) {
                    return;
                }
                if (e.status() == 404) {
                    LOG.info("the server at {} forgot node {}; rejoining with the same id", client.address(), nodeId);
                    return;
                }
                if ((e.status() == 401 || e.status() == 403) && credentials.inUse()) {
                    LOG.error("the server at {} refused node {}'s certificate on a heartbeat ({}); joining again",
                            client.address(), nodeId, e.getMessage());
                    return;
                }
                failures++;
                next = clock.instant().plus(heartbeatRejected(e, interval));
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                failures++;
                LOG.warn("heartbeat to {} failed: {}; next try in {}", client.address(), e.getMessage(),
                        text(interval));
                next = clock.instant().plus(interval);
            }
        }
    }

    /**
     * The beat after one planned for {@code planned}: one interval later, so a slow reply does not push
     * every later beat back and a fleet does not drift into bursts; one interval from now when the loop
     * fell more than an interval behind.
     */
    private Instant nextAtFixedRate(Instant planned, Duration interval) {
        Instant next = planned.plus(interval);
        Instant now = clock.instant();
        return next.isBefore(now) ? now.plus(interval) : next;
    }

    private Duration heartbeatRejected(ApiException e, Duration interval) {
        Duration wait = e.status() == 401 || e.status() == 403 ? timing.rejectedRetry() : interval;
        RefusalLog.beatRefused(client.address(), e, wait);
        return wait;
    }

    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 || millis % 1000 != 0 ? millis + " ms" : millis / 1000 + " s";
    }

    private static Duration interval(long millis, Duration fallback) {
        if (millis <= 0) {
            return fallback;
        }
        Duration asked = Duration.ofMillis(millis);
        return asked.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : asked;
    }

    /** Waits until the clock reaches {@code deadline}; false when the loop was closed meanwhile. */
    private boolean sleepUntil(Instant deadline) {
        lock.lock();
        try {
            while (!closed) {
                long left = Duration.between(clock.instant(), deadline).toNanos();
                if (left <= 0) {
                    return true;
                }
                wakeUp.awaitNanos(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@code running} to end; whether it is still alive after {@code timeout}. */
    private static boolean stillRunningAfter(Thread running, Duration timeout) {
        try {
            return !running.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running.isAlive();
        }
    }
}
