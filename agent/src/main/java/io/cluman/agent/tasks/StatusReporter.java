package io.cluman.agent.tasks;

import io.cluman.client.ClumanClient;
import io.cluman.model.agent.StatusReport;
import io.cluman.model.agent.TaskReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends task reports to the server as soon as they change, from one virtual thread. Reports wait in a
 * map keyed by allocation, so a burst sends each allocation's latest state once; a failed send is
 * retried (newer reports of the same allocation replace the older).
 */
final class StatusReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final ClumanClient client;
    private final String nodeId;
    private final Map<String, TaskReport> pending = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasWork = lock.newCondition();
    private volatile boolean closed;
    private Thread thread;

    StatusReporter(ClumanClient client, String nodeId) {
        this.client = client;
        this.nodeId = nodeId;
    }

    void start() {
        thread = Thread.ofVirtual().name("status-reporter").start(this::run);
    }

    void report(TaskReport report) {
        lock.lock();
        try {
            pending.put(report.allocId(), report);
            hasWork.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            List<TaskReport> batch;
            lock.lock();
            try {
                while (pending.isEmpty() && !closed) {
                    hasWork.awaitUninterruptibly();
                }
                batch = new ArrayList<>(pending.values());
                pending.clear();
            } finally {
                lock.unlock();
            }
            if (!batch.isEmpty() && !send(batch)) {
                requeue(batch);
                pause();
            }
        }
    }

    private boolean send(List<TaskReport> batch) {
        try {
            long t0 = System.nanoTime();
            client.reportStatus(new StatusReport(nodeId, batch));
            LOG.debug("reported {} task state(s) in {} ms", batch.size(), (System.nanoTime() - t0) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot report {} task state(s) yet: {}", batch.size(), e.getMessage());
            return false;
        }
    }

    private void requeue(List<TaskReport> batch) {
        lock.lock();
        try {
            for (TaskReport r : batch) {
                pending.putIfAbsent(r.allocId(), r);
            }
        } finally {
            lock.unlock();
        }
    }

    private void pause() {
        lock.lock();
        try {
            hasWork.awaitNanos(RETRY.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            hasWork.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
