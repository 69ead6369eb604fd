package io.cluman.agent.tasks;

import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.Assignments;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns this node's allocations by the server's blocking query (no polling delay: the server answers
 * as soon as they change) and hands each answer to the {@link TaskSupervisor}. Retries with back-off
 * while the server is away. Runs on one virtual thread; closing it never stops tasks.
 */
public final class AssignmentLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentLoop.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ClumanClient client;
    private final String nodeId;
    private final StatusReporter reporter;
    private final TaskSupervisor supervisor;
    private volatile boolean closed;
    private Thread thread;

    public AssignmentLoop(ClumanClient client, String nodeId, Map<String, TaskDriver> drivers) {
        this.client = client;
        this.nodeId = nodeId;
        this.reporter = new StatusReporter(client, nodeId);
        this.supervisor = new TaskSupervisor(nodeId, drivers, reporter::report);
    }

    public void start() {
        reporter.start();
        thread = Thread.ofVirtual().name("assignments").start(this::run);
    }

    private void run() {
        long index = 0;
        int failures = 0;
        while (!closed) {
            try {
                Assignments answer = client.assignments(nodeId, index, WAIT);
                if (failures > 0) {
                    // the server may have marked our tasks lost while it could not hear us
                    supervisor.reportAll();
                }
                failures = 0;
                if (answer.index() != index || index == 0) {
                    LOG.debug("assignments at index {}: {} allocation(s)", answer.index(), answer.assignments().size());
                    supervisor.apply(answer.assignments());
                }
                index = answer.index();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                failures++;
                LOG.warn("cannot read this node's assignments ({}); retrying", e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(Math.min(30_000, 500L << Math.min(failures, 6)));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * The task that runs (or ran) allocation {@code allocId} on this node now; empty when this node has none.
     * Any thread may call it.
     */
    public Optional<TaskHandle> task(String allocId) {
        return supervisor.task(allocId);
    }

    /** The tasks that run on this node now, as their runners last reported. Any thread may call it. */
    public java.util.List<TaskHandle> running() {
        return supervisor.running();
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
        reporter.close();
        supervisor.close();
    }
}
