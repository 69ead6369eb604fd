package io.cluman.agent.driver.process;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The live processes of one task and how to signal them. The task's process leads its own session and
 * process group; its members are the processes of that session that started no earlier than the leader
 * (a process of the session cannot be older than its leader, so an unrelated process that got a
 * recycled pid is never taken for one), plus whatever is in the task's cgroups.
 */
final class TaskProcesses {
    private static final long KILL_COMMAND_WAIT_S = 5;

    private TaskProcesses() {
    }

    /** Whether the task's own process still runs. */
    static boolean leaderAlive(TaskRecord record) {
        return record.pid() > 0 && ProcStat.alive(record.pid(), record.startTime());
    }

    /** Whether the wrapper that records the exit code still runs. */
    static boolean wrapperAlive(TaskRecord record) {
        return record.wrapperPid() > 0 && ProcStat.alive(record.wrapperPid(), record.wrapperStart());
    }

    /** The pids of the task's live processes now (the wrapper is not one of them). */
    static List<Long> members(TaskRecord record) {
        Set<Long> pids = new LinkedHashSet<>();
        if (record.pid() > 0) {
            for (ProcStat p : ProcStat.all()) {
                if (p.session() == record.pid() && p.startTime() >= record.startTime() && p.running()) {
                    pids.add(p.pid());
                }
            }
        }
        for (long pid : CgroupLimits.pids(record.cgroups().stream().map(Path::of).toList())) {
            ProcStat.read(pid).filter(ProcStat::running).ifPresent(p -> pids.add(p.pid()));
        }
        pids.remove(record.wrapperPid());
        return new ArrayList<>(pids);
    }

    /**
     * Sends {@code signal} to the task's process group (when its leader lives) and to every member
     * outside that group. Returns whether anything was signalled.
     */
    static boolean signal(TaskRecord record, String signal) {
        List<String> targets = new ArrayList<>();
        // the group's id is the leader's pid: only while the leader lives is it surely still this task's
        boolean group = leaderAlive(record);
        if (group) {
            targets.add("-" + record.pid());
        }
        for (long pid : members(record)) {
            boolean inGroup = ProcStat.read(pid).map(p -> p.pgrp() == record.pid()).orElse(false);
            if (!group || !inGroup) {
                targets.add(Long.toString(pid));
            }
        }
        if (targets.isEmpty()) {
            return false;
        }
        kill(signal, targets);
        return true;
    }

    /** Sends SIGKILL to the wrapper (only when it outlived its task: it should end on its own). */
    static void killWrapper(TaskRecord record) {
        if (wrapperAlive(record)) {
            kill("KILL", List.of(Long.toString(record.wrapperPid())));
        }
    }

    /**
     * {@code kill -s SIG -- targets} through the shell's built-in kill ({@code sh} is always there; a
     * {@code kill} binary may not be). Targets that vanished meanwhile are no error.
     */
    private static void kill(String signal, List<String> targets) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "s=$1; shift; kill -s \"$s\" -- \"$@\" 2>/dev/null; "
                + "exit 0", "kill", signal));
        argv.addAll(targets);
        try {
            Process kill = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(KILL_COMMAND_WAIT_S, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new DriverException(Reason.ENGINE_ERROR, "kill -" + signal + " " + targets + " hung");
            }
        } catch (IOException e) {
            throw new DriverException(Reason.ENGINE_ERROR, "cannot run kill -" + signal + " " + targets + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
