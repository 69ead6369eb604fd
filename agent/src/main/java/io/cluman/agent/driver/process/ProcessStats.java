package io.cluman.agent.driver.process;

import io.cluman.agent.driver.PortMapping;
import io.cluman.agent.driver.TaskStats;
import io.cluman.agent.driver.TcpConnections;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Resource use of process tasks from {@code /proc} (and the task's memory cgroup when it has one).
 * CPU is measured between two calls for the same task; the first call measures since the task started.
 * Thread-safe.
 */
final class ProcessStats {
    private record Sample(long ticks, Instant at) {
    }

    private final InstantSource clock;
    private final Map<String, Sample> previous = new ConcurrentHashMap<>();

    ProcessStats(InstantSource clock) {
        this.clock = clock;
    }

    TaskStats sample(TaskRecord record, boolean running) {
        Instant now = clock.instant();
        long limit = record.limitsEnforced() ? record.memoryLimit() : 0;
        if (!running) {
            previous.remove(record.runtimeId());
            return new TaskStats(now, 0, 0, limit, TaskStats.UNKNOWN, TaskStats.UNKNOWN);
        }
        List<Long> pids = TaskProcesses.members(record);
        long ticks = 0;
        long resident = 0;
        for (long pid : pids) {
            ticks += ProcStat.read(pid).map(ProcStat::cpuTicks).orElse(0L);
            resident += ProcStat.residentBytes(pid);
        }
        long memory = CgroupLimits.memoryUsed(record.cgroups().stream().map(Path::of).toList()).orElse(resident);
        Sample before = previous.put(record.runtimeId(), new Sample(ticks, now));
        if (before == null) {
            before = new Sample(0, record.startedAt() != null ? record.startedAt() : record.createdAt());
        }
        double seconds = Duration.between(before.at(), now).toNanos() / 1e9;
        double cpu = seconds <= 0 ? 0
                : (double) (ticks - before.ticks()) / ProcStat.TICKS_PER_SECOND / seconds * 100.0;
        return new TaskStats(now, cpu, memory, limit, TaskStats.UNKNOWN, TaskStats.UNKNOWN,
                TcpConnections.served(record.pid(), tcpPorts(record)));
    }

    /** The task's TCP ports (a process has no mapping: host and container port are one). */
    private static Set<Integer> tcpPorts(TaskRecord record) {
        return PortMapping.parseAll(record.ports()).stream().filter(p -> p.protocol().equals("tcp"))
                .map(PortMapping::hostPort).collect(Collectors.toSet());
    }

    /** Forgets a destroyed task's last sample. */
    void forget(String runtimeId) {
        previous.remove(runtimeId);
    }
}
