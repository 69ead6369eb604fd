package io.cluman.agent.tasks;

import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.TaskState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link TaskRunner} per allocation of this node. The first set of assignments is matched
 * with the tasks the drivers recovered: assigned ones are re-attached (not restarted), the others are
 * stopped and removed. Objects without Cluman's labels are never touched. Called from one thread (the
 * assignment loop), except {@link #task} and {@link #running}, which any thread may call (the local API, the
 * stats loop).
 */
final class TaskSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSupervisor.class);

    private final String nodeId;
    private final Map<String, TaskDriver> drivers;
    private final Consumer<TaskReport> reports;
    private final Map<String, TaskRunner> runners = new ConcurrentHashMap<>();
    private final TaskReaper reaper = new TaskReaper();
    private Map<String, TaskHandle> recovered;

    TaskSupervisor(String nodeId, Map<String, TaskDriver> drivers, Consumer<TaskReport> reports) {
        this.nodeId = nodeId;
        this.drivers = Map.copyOf(drivers);
        this.reports = reports;
    }

    /** Converges to the complete list of this node's allocations. */
    void apply(List<Assignment> assignments) {
        if (recovered == null) {
            recovered = recover();
        }
        Set<String> wanted = new HashSet<>();
        for (Assignment a : assignments) {
            wanted.add(a.allocId());
            TaskRunner runner = runners.get(a.allocId());
            if (runner != null) {
                runner.update(a);
            } else {
                begin(a);
            }
        }
        runners.keySet().removeIf(allocId -> {
            if (!wanted.contains(allocId)) {
                runners.get(allocId).remove();
                return true;
            }
            return false;
        });
        removeOrphans(wanted);
    }

    /** The task that runs (or ran) allocation {@code allocId} on this node now; empty when there is none. */
    Optional<TaskHandle> task(String allocId) {
        TaskRunner runner = runners.get(allocId);
        return runner == null ? Optional.empty() : runner.handle();
    }

    /** The tasks that run now (as their runners last reported). Any thread may call it. */
    List<TaskHandle> running() {
        return runners.values().stream().flatMap(r -> r.running().stream()).toList();
    }

    /** Every runner sends its last report again. */
    void reportAll() {
        runners.values().forEach(TaskRunner::reportAgain);
    }

    private void begin(Assignment a) {
        TaskDriver driver = drivers.get(a.spec().driver().wireName());
        if (driver == null) {
            reports.accept(new TaskReport(a.allocId(), a.generation(), TaskState.FAILED, null, 0,
                    "this node has no " + a.spec().driver().wireName() + " driver", null, null, null, null, null));
            return;
        }
        TaskHandle found = recovered.remove(a.allocId());
        if (found != null) {
            LOG.info("re-attached to {} ({}) of allocation {}", found.name(), found.runtimeId(), a.allocId());
        }
        TaskRunner runner = new TaskRunner(nodeId, driver, a, found, reports, reaper);
        runners.put(a.allocId(), runner);
        runner.start();
    }

    private Map<String, TaskHandle> recover() {
        Map<String, TaskHandle> found = new HashMap<>();
        for (TaskDriver driver : drivers.values()) {
            try {
                for (TaskHandle h : driver.recover(nodeId)) {
                    found.put(h.allocId(), h);
                }
            } catch (RuntimeException e) {
                LOG.warn("driver {} cannot list its tasks now: {}", driver.name(), e.getMessage());
            }
        }
        return found;
    }

    /** Stops and removes recovered tasks that are not allocated here (any more). */
    private void removeOrphans(Set<String> wanted) {
        recovered.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            TaskHandle h = e.getValue();
            LOG.info("removing {} ({}): allocation {} is no longer on this node", h.name(), h.runtimeId(), h.allocId());
            Thread.ofVirtual().name("orphan-" + h.allocId()).start(() -> {
                TaskDriver driver = drivers.get(h.driver());
                try {
                    reaper.stopThenRemove(driver, h, java.time.Duration.ofSeconds(10));
                } catch (RuntimeException failed) {
                    LOG.warn("cannot stop orphan {}: {}; removing it", h.runtimeId(), failed.getMessage());
                    reaper.remove(driver, h); // the removal kills what still runs, and is retried until it succeeds
                }
            });
            return true;
        });
    }

    @Override
    public void close() {
        // runners keep their tasks running: the agent stopping never stops tasks
        runners.clear();
        reaper.close();
    }
}
