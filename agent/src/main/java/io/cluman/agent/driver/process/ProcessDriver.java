package io.cluman.agent.driver.process;

import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.ExecResult;
import io.cluman.agent.driver.ExecSource;
import io.cluman.agent.driver.LogSource;
import io.cluman.agent.driver.PortMapping;
import io.cluman.agent.driver.Signals;
import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskLabels;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStats;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.agent.driver.UnmanagedTask;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.DriverHealth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code process} driver: each task is a command run as a detached process of this host, with its
 * state in {@code <data>/tasks/<allocId>/} ({@link TaskDir}). How it is started so that it survives the
 * agent, and how its exit code is learnt by an agent that is not its parent, is {@link TaskLauncher}'s
 * story; its processes are found and signalled by {@link TaskProcesses}; memory and CPU limits are
 * cgroups where the agent may make them ({@link CgroupLimits}).
 *
 * <p>Re-attaching after an agent restart needs nothing but the task dir: the record names the task's
 * pid and start time, and a task is the one started only while both match ({@code /proc}).
 *
 * <p>Stopping the agent never stops its tasks: they run in sessions of their own. (Under systemd the
 * agent's unit needs {@code KillMode=process}, else systemd kills its whole cgroup, tasks included.)
 *
 * <p>Logs are rotated by copy and truncate every {@link Options#rotationPeriod()} on one virtual
 * thread, from the first {@link #start} or {@link #recover} until {@link #close()}. Thread-safe: calls
 * for one allocation are serialised where they change its files (start, destroy).
 */
public final class ProcessDriver implements TaskDriver, LogSource, StatsSource, ExecSource {
    public static final String NAME = "process";

    /**
     * @param logMaxBytes    size past which a log file is rotated
     * @param logFiles       rotated copies kept per log
     * @param rotationPeriod how often logs are checked
     * @param cgroupRoot     where cgroup hierarchies are mounted
     */
    public record Options(long logMaxBytes, int logFiles, Duration rotationPeriod, Path cgroupRoot) {
        public static final Options DEFAULTS = new Options(10L << 20, 3, Duration.ofSeconds(10),
                CgroupLimits.DEFAULT_ROOT);

        public Options {
            if (logMaxBytes <= 0 || logFiles < 0 || rotationPeriod.isNegative() || rotationPeriod.isZero()) {
                throw new IllegalArgumentException("log rotation needs a positive size and period and 0 or more "
                        + "files: " + logMaxBytes + " bytes, " + logFiles + " files, every " + rotationPeriod);
            }
            Objects.requireNonNull(cgroupRoot, "cgroupRoot");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProcessDriver.class);
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER", "LOGNAME",
            "SHELL", "TMPDIR");
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Path tasks;
    private final InstantSource clock;
    private final Map<String, String> hostEnvironment;
    private final Options options;
    private final CgroupLimits cgroups;
    private final ProcessStats stats;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final LogRotation rotation;

    /** A driver keeping its tasks under {@code <dataDir>/tasks}, passing them this JVM's PATH, HOME, .... */
    public ProcessDriver(Path dataDir, InstantSource clock) {
        this(dataDir, clock, System.getenv(), Options.DEFAULTS);
    }

    /** @param hostEnvironment where tasks' PATH, HOME, LANG, ... come from */
    public ProcessDriver(Path dataDir, InstantSource clock, Map<String, String> hostEnvironment, Options options) {
        this.tasks = dataDir.resolve("tasks");
        this.clock = clock;
        this.hostEnvironment = Map.copyOf(hostEnvironment);
        this.options = options;
        this.cgroups = new CgroupLimits(options.cgroupRoot());
        this.stats = new ProcessStats(clock);
        this.rotation = new LogRotation(tasks, options.logMaxBytes(), options.logFiles(), options.rotationPeriod());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverHealth health() {
        Path dir = Files.isDirectory(tasks) ? tasks : tasks.getParent();
        if (Files.exists(dir) && !Files.isWritable(dir)) {
            return new DriverHealth(false, "the task dir " + dir + " is not writable");
        }
        for (String tool : List.of("sh", "setsid")) {
            if (ProcessSpec.onPath(tool, path()).isEmpty()) {
                return new DriverHealth(false, tool + " is not on PATH (" + path() + ")"
                        + ("setsid".equals(tool) ? ": install util-linux" : ""));
            }
        }
        return new DriverHealth(true, "");
    }

    @Override
    public TaskHandle start(TaskRequest request) {
        TaskDir dir = taskDir(request.allocId());
        ReentrantLock lock = lock(request.allocId());
        lock.lock();
        try {
            if (dir.exists()) {
                throw new DriverException(Reason.CONFLICT, "task " + request.allocId() + " exists already in "
                        + dir.path() + ": destroy it first");
            }
            dir.delete(); // a dir without a record is what a crash during an earlier start left
            ProcessSpec spec = ProcessSpec.of(request, dir.path(), environment(request, dir));
            PortMapping.requireFree(spec.ports(), "task " + request.allocId());
            TaskRecord record = launch(request, spec, dir);
            rotation.start();
            LOG.info("started task {} (pid {}) for alloc {}: {}", request.name(), record.pid(), request.allocId(),
                    spec.command());
            return handle(record);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the task dir and cgroups, records the task, launches it and records its pids. Whatever fails,
     * nothing is left: processes killed, cgroups and dir removed.
     */
    private TaskRecord launch(TaskRequest request, ProcessSpec spec, TaskDir dir) {
        CgroupLimits.Applied limits = new CgroupLimits.Applied(List.of(), false, "");
        TaskRecord record = null;
        try {
            Files.createDirectories(dir.path());
            Files.createDirectories(spec.workDir());
            limits = cgroups.apply(request.allocId(), spec.memory(), spec.cpus());
            record = new TaskRecord(request.allocId(), request.nodeId(), request.name(), spec.command(),
                    spec.workDir().toString(), clock.instant(), null, 0, 0, 0, 0, spec.memory(), spec.cpus(),
                    limits.enforced(), limits.detail(), limits.dirs().stream().map(Path::toString).toList(),
                    spec.ports().stream().map(PortMapping::toString).toList());
            dir.write(record);
            ProcStat[] launched = TaskLauncher.launch(dir, spec.command(), spec.workDir(), spec.environment(),
                    limits.procsFiles());
            record = record.withPids(clock.instant(), launched[0].pid(), launched[0].startTime(), launched[1].pid(),
                    launched[1].startTime());
            dir.write(record);
            return record;
        } catch (IOException | UncheckedIOException | DriverException e) {
            if (record != null && record.pid() > 0) {
                killAll(record, dir);
            }
            CgroupLimits.remove(limits.dirs());
            dir.delete();
            throw e instanceof DriverException driver ? driver : new DriverException(Reason.START_FAILED,
                    "cannot prepare task dir " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TaskStatus inspect(TaskHandle handle) {
        return status(record(handle), taskDir(handle.allocId()));
    }

    private TaskStatus status(TaskRecord record, TaskDir dir) {
        Instant started = record.pid() > 0 ? record.startedAt() : null;
        // liveness first, then the exit file: the wrapper writes the file before it ends, so a wrapper
        // seen dead here has written it by the time it is read (the other order races with its end)
        boolean leader = TaskProcesses.leaderAlive(record);
        boolean wrapper = TaskProcesses.wrapperAlive(record);
        OptionalInt exit = dir.exitCode();
        if (exit.isPresent()) {
            return TaskStatus.ended(exit.getAsInt(), "", started, dir.exitTime().orElse(null));
        }
        if (leader || wrapper) {
            // a dead leader with a live wrapper: the wrapper is writing the code (or the task not yet started)
            return new TaskStatus(record.pid() > 0 ? TaskState.RUNNING : TaskState.STARTING, null, "", started, null);
        }
        return new TaskStatus(TaskState.FAILED, null, "the task's process and its wrapper are gone without "
                + "recording an exit code (killed together, or the host restarted)", started, null);
    }

    @Override
    public TaskStatus await(TaskHandle handle, Duration timeout) throws InterruptedException {
        TaskDir dir = taskDir(handle.allocId());
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        try (DirWatch watch = DirWatch.on(dir.path())) {
            while (true) {
                TaskStatus status = inspect(handle);
                long left = deadline - System.nanoTime();
                if (!status.isRunning() || left <= 0) {
                    return status;
                }
                watch.awaitChange(Duration.ofNanos(Math.min(left, POLL.toNanos())));
            }
        }
    }

    @Override
    public void stop(TaskHandle handle, Duration grace, String signal) {
        String name = Signals.normalize(signal);
        try {
            TaskRecord record = record(handle);
            if (!inspect(handle).isRunning()) {
                return;
            }
            TaskProcesses.signal(record, name);
            if (await(handle, grace).isRunning()) {
                LOG.info("task {} still runs {} s after SIG{}: killing it", handle.allocId(), grace.toSeconds(), name);
                TaskProcesses.signal(record, "KILL");
                await(handle, KILL_WAIT);
            }
        } catch (InterruptedException e) {
            TaskProcesses.signal(record(handle), "KILL");
            Thread.currentThread().interrupt();
        } catch (DriverException e) {
            if (e.reason() != Reason.NOT_FOUND) {
                throw e;
            }
        }
    }

    @Override
    public void destroy(TaskHandle handle) {
        TaskDir dir = taskDir(handle.allocId());
        ReentrantLock lock = lock(handle.allocId());
        lock.lock();
        try {
            TaskRecord record = dir.read().orElse(null);
            if (record != null && !handle.runtimeId().isEmpty() && !record.runtimeId().isEmpty()
                    && !record.runtimeId().equals(handle.runtimeId())) {
                return; // the dir holds a newer task of this allocation: the handle's is gone
            }
            if (record != null) {
                killAll(record, dir);
                stats.forget(record.runtimeId());
            }
            dir.delete();
            LOG.info("destroyed task {}", handle.allocId());
        } finally {
            lock.unlock();
            locks.remove(handle.allocId(), lock);
        }
    }

    /** SIGKILLs every process of the task, lets the wrapper record the end, removes the cgroups. */
    private void killAll(TaskRecord record, TaskDir dir) {
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        try (DirWatch watch = DirWatch.on(dir.path())) {
            while (System.nanoTime() < deadline && TaskProcesses.signal(record, "KILL")) {
                watch.awaitChange(Duration.ofMillis(20));
            }
            while (System.nanoTime() < deadline && TaskProcesses.wrapperAlive(record)) {
                watch.awaitChange(Duration.ofMillis(20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TaskProcesses.killWrapper(record);
        CgroupLimits.remove(record.cgroups().stream().map(Path::of).toList());
    }

    @Override
    public List<TaskHandle> recover(String nodeId) {
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        rotation.start();
        try (Stream<Path> dirs = Files.list(tasks)) {
            return dirs.filter(Files::isDirectory).map(TaskDir::new).flatMap(d -> d.read().stream())
                    .peek(r -> {
                        if (!r.nodeId().equals(nodeId)) {
                            LOG.info("task {} was started as node {}, not {}: listed for clean-up", r.allocId(),
                                    r.nodeId(), nodeId);
                        }
                    })
                    .map(ProcessDriver::handle).toList();
        } catch (IOException e) {
            throw new DriverException(Reason.ENGINE_ERROR, "cannot list the task dirs in " + tasks + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<UnmanagedTask> unmanaged() {
        return List.of();
    }

    @Override
    public void logs(TaskHandle handle, int tail, boolean follow, Consumer<String> line, BooleanSupplier cancelled) {
        record(handle);
        ProcessLogs.stream(taskDir(handle.allocId()), options.logFiles(), tail, follow, line, cancelled);
    }

    @Override
    public TaskStats stats(TaskHandle handle) {
        TaskRecord record = record(handle);
        return stats.sample(record, status(record, taskDir(handle.allocId())).isRunning());
    }

    @Override
    public ExecResult exec(TaskHandle handle, List<String> argv, Duration timeout) throws InterruptedException {
        return TaskExec.run(record(handle), argv, timeout);
    }

    /** Rotates every task's logs that grew past the limit now (it also happens every rotation period). */
    public void rotateLogs() {
        rotation.rotateAll();
    }

    /** Stops log rotation. Tasks keep running. */
    @Override
    public void close() {
        rotation.close();
    }

    /** The task's record, checked against the handle; NOT_FOUND when it is gone or was replaced. */
    private TaskRecord record(TaskHandle handle) {
        TaskDir dir = taskDir(handle.allocId());
        TaskRecord record = dir.read().orElseThrow(() ->
                new DriverException(Reason.NOT_FOUND, "task " + handle.allocId() + " is gone (no " + dir.path()
                        + "/" + TaskDir.RECORD + ")"));
        if (!handle.runtimeId().isEmpty() && !record.runtimeId().isEmpty()
                && !handle.runtimeId().equals(record.runtimeId())) {
            throw new DriverException(Reason.NOT_FOUND, "task " + handle.allocId() + " " + handle.runtimeId()
                    + " is gone: the allocation now runs as " + record.runtimeId());
        }
        return record;
    }

    private Map<String, String> environment(TaskRequest request, TaskDir dir) {
        Map<String, String> env = new TreeMap<>();
        for (String name : INHERITED) {
            String value = hostEnvironment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putIfAbsent("PATH", DEFAULT_PATH);
        env.putAll(request.spec().env());
        env.putAll(TaskLabels.environment(request));
        env.put("CLUMAN_TASK_DIR", dir.path().toAbsolutePath().toString());
        return env;
    }

    private String path() {
        return hostEnvironment.getOrDefault("PATH", DEFAULT_PATH);
    }

    private TaskDir taskDir(String allocId) {
        if (!TaskRequest.isAllocId(allocId)) {
            throw new DriverException(Reason.NOT_FOUND, "'" + allocId + "' is not an allocation id");
        }
        return new TaskDir(tasks.resolve(allocId));
    }

    private ReentrantLock lock(String allocId) {
        return locks.computeIfAbsent(allocId, id -> new ReentrantLock());
    }

    private static TaskHandle handle(TaskRecord record) {
        return new TaskHandle(NAME, record.allocId(), record.runtimeId(), record.name());
    }
}
