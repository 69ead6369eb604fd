package io.cluman.agent.stats;

import io.cluman.agent.driver.TaskHandle;
import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.TaskSample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code interval}, samples the node's running tasks ({@link StatsSampler}) and sends the samples in
 * one {@link StatsReport}; a round without samples sends nothing. A failed send is logged (a warning for the
 * first failure in a row, then quietly) and dropped: stats are not work the server must acknowledge. Runs on
 * one virtual thread; a round never overlaps the next (the sampler's deadline bounds it).
 */
public final class StatsLoop implements AutoCloseable {
    /** How often tasks are sampled when the agent's config does not say. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(StatsLoop.class);

    private final String nodeId;
    private final Supplier<List<TaskHandle>> running;
    private final StatsSampler sampler;
    private final Consumer<StatsReport> send;
    private final Duration interval;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean failing;

    /**
     * @param running the tasks that run now (the task runners' view)
     * @param send    sends a report to the server ({@code ClumanClient::reportStats}); may throw
     */
    public StatsLoop(String nodeId, Supplier<List<TaskHandle>> running, StatsSampler sampler,
                     Consumer<StatsReport> send, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("stats interval must be positive: " + interval);
        }
        this.nodeId = nodeId;
        this.running = running;
        this.sampler = sampler;
        this.send = send;
        this.interval = interval;
    }

    public StatsLoop start() {
        Thread.ofVirtual().name("stats").start(this::run);
        return this;
    }

    private void run() {
        while (pause()) {
            try {
                round();
            } catch (RuntimeException e) {
                LOG.warn("stats round failed: {}", e.toString());
            }
        }
    }

    /** Samples the running tasks and sends what came in. */
    void round() {
        List<TaskSample> samples = sampler.sample(running.get());
        if (samples.isEmpty() || closed.getCount() == 0) {
            return;
        }
        try {
            send.accept(new StatsReport(nodeId, samples));
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot send the stats of {} task(s); dropped (again quietly until a send works): {}",
                        samples.size(), e.getMessage());
            } else {
                LOG.debug("cannot send the stats of {} task(s); dropped: {}", samples.size(), e.getMessage());
            }
            failing = true;
        }
    }

    /** Waits one interval; false once closed. */
    private boolean pause() {
        try {
            return !closed.await(interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops the loop; a round in flight finishes on its own (bounded by the sampler's deadline). */
    @Override
    public void close() {
        closed.countDown();
    }
}
