package io.cluman.bench;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.client.tls.Pem;
import io.cluman.client.tls.TlsContexts;
import io.cluman.client.tls.TlsIdentity;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import java.net.http.HttpTimeoutException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One simulated agent, run on its own virtual thread: waits for its join slot, joins (retrying with
 * backoff like a real agent), then heartbeats until stopped. As the real agent ({@code HeartbeatLoop}),
 * the next heartbeat is due one interval (the one the last reply asked for) after that reply; with
 * {@code fixedRate} it is due one interval after the previous one was planned instead, so a slow reply
 * does not shift the agent's phase. The first heartbeat comes after a random share of the first
 * interval so the fleet's beats start evenly spread. A 404 means the server forgot the node: the agent
 * joins again with its id.
 */
final class SimulatedAgent implements Runnable {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final int index;
    private final ClumanClient client;
    private final FakeNode node;
    private final RandomGenerator random;
    private final SimulatedFleet fleet;
    private final FleetCounters counters;
    private final long joinAt;
    private final boolean fixedRate;
    private String nodeId;
    private long intervalMillis; // from the last reply
    /** The node's own mutual-TLS connection once it joined: agents speak with their node certificate. */
    private NodeConnection connection;
    private KeyPair keys; // made on the agent's own thread, at its first join

    SimulatedAgent(int index, ClumanClient client, RandomGenerator random, SimulatedFleet fleet, long joinAt,
                   boolean fixedRate) {
        this.fixedRate = fixedRate;
        this.index = index;
        this.client = client;
        this.random = random;
        this.node = new FakeNode(index, random);
        this.fleet = fleet;
        this.counters = fleet.counters();
        this.joinAt = joinAt;
    }

    @Override
    public void run() {
        try {
            if (!sleepUntil(joinAt)) {
                return;
            }
            join();
            fleet.joined(nodeId);
            long next = System.nanoTime()
                    + (long) (random.nextDouble() * TimeUnit.MILLISECONDS.toNanos(intervalMillis));
            while (sleepUntil(next)) {
                next = heartbeat(next);
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            if (connection != null) {
                connection.close();
            }
            fleet.ended();
        }
    }

    /** Joins, retrying until it works; keeps the node id and the interval of the reply. */
    private void join() throws InterruptedException {
        long backoff = TimeUnit.SECONDS.toNanos(1);
        while (true) {
            long started = System.nanoTime();
            try {
                if (keys == null) {
                    keys = EcKeys.generate(RANDOM);
                }
                JoinResponse reply = client.join(new JoinRequest(nodeId, node.facts().hostname(),
                        Map.of("bench", "heartbeat"), node.facts(), Csr.pem(Csr.create(keys, "new-node"))));
                counters.joinLatency.record((System.nanoTime() - started) / 1000);
                nodeId = reply.nodeId();
                connect(reply);
                intervalMillis = reply.heartbeatIntervalMillis() > 0 ? reply.heartbeatIntervalMillis() : 5000;
                return;
            } catch (RuntimeException e) {
                stopIfStopping();
                counters.joinErrors.increment();
                fleet.noteError("join of " + FakeNode.name(index), e);
                if (!sleepUntil(System.nanoTime() + backoff)) {
                    throw new InterruptedException();
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
            }
        }
    }

    /** The node's mutual-TLS connection, with the certificate of {@code reply}, to the server's agent port. */
    private void connect(JoinResponse reply) {
        TlsIdentity identity = new TlsIdentity(keys.getPrivate(), Pem.certificates(reply.certificate()));
        if (connection != null) {
            connection.close();
        }
        connection = new NodeConnection(TlsContexts.mutual(identity, Pem.certificate(reply.ca())),
                client.address().getHost(), reply.agentPort(), java.time.Duration.ofSeconds(10));
    }

    /** One heartbeat planned for {@code planned}; when the next one is due. */
    private long heartbeat(long planned) throws InterruptedException {
        HeartbeatRequest request = new HeartbeatRequest(nodeId, node.facts(), node.metrics(Instant.now()),
                node.drivers());
        long started = System.nanoTime();
        try {
            HeartbeatResponse reply = connection.post("/v1/agent/heartbeat", request, HeartbeatResponse.class);
            long answered = System.nanoTime();
            if (reply.heartbeatIntervalMillis() > 0) {
                intervalMillis = reply.heartbeatIntervalMillis();
            }
            counters.beat(planned, started, answered, intervalMillis);
            long next = (fixedRate ? planned : answered) + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
            return Math.max(next, answered);
        } catch (ApiException e) {
            stopIfStopping();
            counters.beatFailed(started, "HTTP " + e.status());
            fleet.noteError("heartbeat of " + FakeNode.name(index), e);
            if (e.status() == 404) {
                counters.rejoins.increment();
                join();
            }
        } catch (RuntimeException e) {
            stopIfStopping();
            counters.beatFailed(started, kind(e));
            fleet.noteError("heartbeat of " + FakeNode.name(index), e);
        }
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    private void stopIfStopping() throws InterruptedException {
        if (fleet.stopping() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
    }

    private static String kind(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return "timeout";
            }
        }
        return e instanceof java.io.UncheckedIOException ? "io" : e.getClass().getSimpleName();
    }

    /** Sleeps until {@link System#nanoTime()} reaches {@code deadline}; false when the fleet stops. */
    private boolean sleepUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        return !fleet.stopping();
    }
}
