package io.cluman.agent.driver.process;

import java.time.Instant;
import java.util.List;

/**
 * The state file of one process task ({@code <data>/tasks/<allocId>/task.json}): what the agent knows
 * of it beyond what the processes write themselves. Written once before the launch (pids 0) and once
 * after, when the wrapper and the task have recorded their pids.
 *
 * @param startedAt       when the agent saw the task start (null before)
 * @param pid             the task's process (leader of its own session and process group); 0 before known
 * @param startTime       its start time in clock ticks after boot (field 22 of its stat)
 * @param wrapperPid      the shell that waits for the task and writes its exit code
 * @param wrapperStart    the wrapper's start time
 * @param limitsEnforced  whether memory/CPU limits are applied through cgroups
 * @param limits          how (the cgroup dirs), or why not
 * @param cgroups         the cgroup dirs made for the task, to remove with it
 */
record TaskRecord(String allocId, String nodeId, String name, List<String> command, String workDir,
                  Instant createdAt, Instant startedAt, long pid, long startTime, long wrapperPid, long wrapperStart,
                  long memoryLimit, double cpus, boolean limitsEnforced, String limits, List<String> cgroups,
                  List<String> ports) {
    TaskRecord {
        command = command == null ? List.of() : List.copyOf(command);
        cgroups = cgroups == null ? List.of() : List.copyOf(cgroups);
        ports = ports == null ? List.of() : List.copyOf(ports);
        limits = limits == null ? "" : limits;
        workDir = workDir == null ? "" : workDir;
    }

    /** {@code pid:starttime}, the task's runtime id; empty before the task's pid is known. */
    String runtimeId() {
        return pid > 0 ? pid + ":" + startTime : "";
    }

    TaskRecord withPids(Instant started, long newPid, long newStart, long newWrapperPid, long newWrapperStart) {
        return new TaskRecord(allocId, nodeId, name, command, workDir, createdAt, started, newPid, newStart, newWrapperPid,
                newWrapperStart, memoryLimit, cpus, limitsEnforced, limits, cgroups, ports);
    }
}
