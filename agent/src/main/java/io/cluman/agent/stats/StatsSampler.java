package io.cluman.agent.stats;

import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskStats;
import io.cluman.model.agent.TaskSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples tasks through their drivers' {@link StatsSource}, each on its own virtual thread, at most
 * {@code maxConcurrent} at a time (the Docker Engine takes about a second per container), and returns what is
 * in by the deadline. A sample that fails (task gone, engine error) or comes late is left out; the others are
 * not held up. A task whose sample of an earlier round still runs is skipped, so a slow engine never has more
 * than one call per task in flight. Each round starts one task further down the list, so when there are more
 * tasks than a round can sample, the ones left out change from round to round. Thread-safe; rounds may
 * overlap.
 */
public final class StatsSampler {
    private static final Logger LOG = LoggerFactory.getLogger(StatsSampler.class);

    private final Map<String, StatsSource> sources;
    private final Semaphore permits;
    private final Duration deadline;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rounds = new AtomicInteger();

    /**
     * @param sources       by driver name ({@code docker}, {@code process}); tasks of other drivers are not sampled
     * @param maxConcurrent how many samples may run at once
     * @param deadline      how long a round waits for its samples
     */
    public StatsSampler(Map<String, StatsSource> sources, int maxConcurrent, Duration deadline) {
        if (maxConcurrent < 1 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("maxConcurrent and deadline must be positive");
        }
        this.sources = Map.copyOf(sources);
        this.permits = new Semaphore(maxConcurrent);
        this.deadline = deadline;
    }

    /** One sample of each of {@code tasks} that answered within the deadline, in no particular order. */
    public List<TaskSample> sample(List<TaskHandle> tasks) {
        long until = System.nanoTime() + deadline.toNanos();
        Queue<TaskSample> done = new ConcurrentLinkedQueue<>();
        List<TaskHandle> order = new ArrayList<>(tasks);
        Collections.rotate(order, -(Math.floorMod(rounds.getAndIncrement(), Math.max(1, order.size()))));
        List<TaskHandle> started = order.stream()
                .filter(t -> sources.containsKey(t.driver()) && inFlight.add(t.allocId())).toList();
        CountDownLatch finished = new CountDownLatch(started.size());
        for (TaskHandle task : started) {
            Thread.ofVirtual().name("stats-" + task.allocId()).start(() -> {
                try {
                    one(task, until).ifPresent(done::add);
                } finally {
                    inFlight.remove(task.allocId());
                    finished.countDown();
                }
            });
        }
        try {
            finished.await(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(done);
    }

    private Optional<TaskSample> one(TaskHandle task, long until) {
        try {
            if (!permits.tryAcquire(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            return Optional.empty();
        }
        try {
            TaskStats s = sources.get(task.driver()).stats(task);
            return Optional.of(new TaskSample(task.allocId(), s.at(), s.cpuPercent(), s.memoryBytes(),
                    s.memoryLimitBytes(), s.netRxBytes(), s.netTxBytes(),
                    s.connections() == TaskStats.UNKNOWN ? null : s.connections()));
        } catch (RuntimeException e) {
            LOG.debug("no stats of {} this round: {}", task.allocId(), e.getMessage());
            return Optional.empty();
        } finally {
            permits.release();
        }
    }
}
