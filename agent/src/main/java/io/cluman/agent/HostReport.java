package io.cluman.agent;

import io.cluman.agent.driver.DriverSet;
import io.cluman.agent.heartbeat.NodeReport;
import io.cluman.agent.host.FactsCollector;
import io.cluman.agent.host.MetricsSampler;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * This machine's report: facts (re-read at most once per {@code factsMaxAge}, since they change
 * rarely and reading them costs a scan of mounts and interfaces), fresh metrics and driver health.
 * Thread-safe.
 */
final class HostReport implements NodeReport {
    private final FactsCollector factsCollector;
    private final MetricsSampler metricsSampler;
    private final DriverSet drivers;
    private final InstantSource clock;
    private final Duration factsMaxAge;
    private final Supplier<String> apiAddress;
    private final ReentrantLock lock = new ReentrantLock();
    private NodeFacts facts; // guarded by lock
    private Instant factsAt; // guarded by lock

    /** @param apiAddress where the local API is reached ({@code host:port}), empty while it is not up */
    HostReport(FactsCollector factsCollector, MetricsSampler metricsSampler, DriverSet drivers, InstantSource clock,
               Duration factsMaxAge, Supplier<String> apiAddress) {
        this.apiAddress = apiAddress;
        this.factsCollector = factsCollector;
        this.metricsSampler = metricsSampler;
        this.drivers = drivers;
        this.clock = clock;
        this.factsMaxAge = factsMaxAge;
    }

    @Override
    public NodeFacts facts() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (facts == null || !now.isBefore(factsAt.plus(factsMaxAge))) {
                facts = factsCollector.collect(drivers.names());
                factsAt = now;
            }
            return facts.withApiAddress(apiAddress.get());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NodeMetrics metrics() {
        return metricsSampler.sample();
    }

    @Override
    public Map<String, DriverHealth> drivers() {
        return drivers.health();
    }
}
