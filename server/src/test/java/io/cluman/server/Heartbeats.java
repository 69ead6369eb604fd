package io.cluman.server;

import io.cluman.client.ClumanClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fake agents that heartbeat every 300 ms (50 GiB of disk free) for the nodes in {@link #beating()}: take a node
 * out and it goes off after the server's off-after, put it back and it returns.
 */
public final class Heartbeats implements AutoCloseable {
    private final Set<String> beating = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

    public Heartbeats(ClumanClient agent) {
        beats.scheduleWithFixedDelay(() -> beating.forEach(id -> FakeAgents.beat(agent, id, 50L << 30)), 0, 300,
                TimeUnit.MILLISECONDS);
    }

    /** The nodes that heartbeat; change it freely. */
    public Set<String> beating() {
        return beating;
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
