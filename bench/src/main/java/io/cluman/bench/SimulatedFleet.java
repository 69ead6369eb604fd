package io.cluman.bench;

import io.cluman.client.ClumanClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N simulated agents, one virtual thread each, spread over K HTTP/1.1 {@link HttpClient}s (agent
 * {@code i} uses client {@code i % K}). Not one client for all: the JDK client's connection pool finds
 * a connection to reuse by a linear scan of its idle ones under one lock, so one client holding
 * thousands of connections becomes the bottleneck of the bench (measured: half of the bench's CPU in
 * {@code ConnectionPool$ExpiryList.remove}, and tens of milliseconds added to each request). Agent
 * {@code i} joins at {@code start + i / joinRate} whatever the others do, so a slow join never holds
 * the next ones back. Each agent draws from its own random stream split from one seed.
 */
final class SimulatedFleet implements AutoCloseable {
    private static final int ERRORS_SHOWN = 20;

    private final FleetCounters counters = new FleetCounters();
    private final Set<String> nodeIds = ConcurrentHashMap.newKeySet();
    private final CountDownLatch joined;
    private final CountDownLatch ended;
    private final AtomicInteger errorsShown = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final List<HttpClient> https = new ArrayList<>();
    private final List<ClumanClient> clients = new ArrayList<>();
    private final int size;
    private final int joinRate;
    private final long seed;
    private final boolean fixedRate;
    private volatile boolean stopping;

    SimulatedFleet(String url, String joinToken, int size, int httpClients, int joinRate, long seed,
                   boolean fixedRate) {
        this.fixedRate = fixedRate;
        for (int k = 0; k < Math.min(size, httpClients); k++) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            https.add(http);
            clients.add(ClumanClient.connect(url, joinToken, http));
        }
        this.size = size;
        this.joinRate = joinRate;
        this.seed = seed;
        this.joined = new CountDownLatch(size);
        this.ended = new CountDownLatch(size);
    }

    /** Starts every agent's thread; they join at the fleet's rate from now on. */
    void start() {
        SplittableRandom root = new SplittableRandom(seed);
        long start = System.nanoTime();
        for (int i = 1; i <= size; i++) {
            long joinAt = start + (i - 1) * TimeUnit.SECONDS.toNanos(1) / joinRate;
            ClumanClient client = clients.get(i % clients.size());
            SimulatedAgent agent = new SimulatedAgent(i, client, root.split(), this, joinAt, fixedRate);
            threads.add(Thread.ofVirtual().name(FakeNode.name(i)).start(agent));
        }
    }

    /** Waits until every agent joined; whether they all did within {@code timeout}. */
    boolean awaitJoined(Duration timeout) throws InterruptedException {
        return joined.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    long joinedCount() {
        return size - joined.getCount();
    }

    FleetCounters counters() {
        return counters;
    }

    /** The ids of the nodes the agents joined as. */
    Set<String> nodeIds() {
        return Set.copyOf(nodeIds);
    }

    int size() {
        return size;
    }

    boolean stopping() {
        return stopping;
    }

    void joined(String nodeId) {
        nodeIds.add(nodeId);
        joined.countDown();
    }

    void ended() {
        ended.countDown();
    }

    /** Prints the first few errors in full so a broken run shows why; later ones are only counted. */
    void noteError(String what, RuntimeException e) {
        if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
            System.err.println("bench: " + what + " failed: " + e);
        }
    }

    /** Stops every agent (a heartbeat in flight is interrupted) and waits for their threads. */
    @Override
    public void close() {
        stopping = true;
        threads.forEach(Thread::interrupt);
        try {
            if (!ended.await(30, TimeUnit.SECONDS)) {
                System.err.println("bench: " + ended.getCount() + " agents did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        https.forEach(HttpClient::close);
    }
}
