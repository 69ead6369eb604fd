package io.cluman.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link TaskDriver} does, run against each implementation. Tasks are {@code sh -c} scripts
 * that work with the host's shell (process) and busybox's (docker). A subclass provides a driver, a
 * way to make another instance of it over the same engine or data dir (what a restarted agent does),
 * and the spec of a task running a command.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class DriverContract {
    protected static final String NODE = "node-test";
    protected static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final List<TaskDriver> drivers = new CopyOnWriteArrayList<>();

    /** A new driver instance over the same engine or data dir as every other one of this test. */
    protected abstract TaskDriver newDriver();

    /** The driver of this test: its first instance. */
    protected final TaskDriver driver() {
        if (drivers.isEmpty()) {
            drivers.add(newDriver());
        }
        return drivers.get(0);
    }

    /** Another instance, as an agent restarted after a crash would make. */
    protected final TaskDriver restartedDriver() {
        TaskDriver driver = newDriver();
        drivers.add(driver);
        return driver;
    }

    /** The spec of a task running {@code command} (docker: in the busybox image). */
    protected abstract ContainerSpec spec(String name, List<String> command, List<String> args,
                                          Map<String, String> env, List<String> ports);

    protected final ContainerSpec sh(String script) {
        return spec("t", List.of("sh", "-c", script), List.of(), Map.of(), List.of());
    }

    protected static String allocId() {
        return "a" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    protected final TaskHandle start(ContainerSpec spec) {
        return driver().start(new TaskRequest(allocId(), NODE, spec, null));
    }

    @AfterEach
    void destroyEverything() {
        drivers.forEach(TaskDriver::close);
        try (TaskDriver cleaner = newDriver()) {
            for (TaskHandle handle : cleaner.recover(NODE)) {
                cleaner.destroy(handle);
            }
        }
    }

    @Test
    void startedTaskRuns() {
        TaskHandle handle = start(sh("sleep 300"));

        assertThat(handle.driver()).isEqualTo(driver().name());
        assertThat(handle.runtimeId()).isNotBlank();
        assertThat(handle.name()).isEqualTo("t");
        TaskStatus status = driver().inspect(handle);
        assertThat(status.state()).isEqualTo(TaskState.RUNNING);
        assertThat(status.exitCode()).isNull();
        assertThat(status.startedAt()).isNotNull();
        assertThat(driver().health().healthy()).isTrue();
    }

    @Test
    void reportsTheExitCode() throws InterruptedException {
        TaskHandle failing = start(sh("exit 3"));
        TaskHandle fine = start(sh("true"));

        TaskStatus failed = driver().await(failing, WAIT);
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.finishedAt()).isNotNull();
        TaskStatus exited = driver().await(fine, WAIT);
        assertThat(exited.state()).isEqualTo(TaskState.EXITED);
        assertThat(exited.exitCode()).isZero();
    }

    @Test
    void awaitReturnsAfterTheTimeoutWhileTheTaskRuns() throws InterruptedException {
        TaskHandle handle = start(sh("sleep 300"));

        long began = System.nanoTime();
        TaskStatus status = driver().await(handle, Duration.ofMillis(300));

        assertThat(status.state()).isEqualTo(TaskState.RUNNING);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    @Test
    void stopSendsTheSignalAndTheTaskEndsWithinTheGrace() {
        TaskHandle handle = start(sh("sleep 300"));

        long began = System.nanoTime();
        driver().stop(handle, Duration.ofSeconds(20), "SIGTERM");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        TaskStatus status = driver().inspect(handle);
        assertThat(status.isRunning()).isFalse();
        assertThat(status.exitCode()).isEqualTo(128 + 15);
    }

    @Test
    void stopKillsATaskThatIgnoresTheSignalOnceTheGraceIsOver() {
        TaskHandle handle = start(sh("trap '' TERM; echo ready; while true; do sleep 1; done"));
        awaitLogLine(handle, "ready");

        long began = System.nanoTime();
        driver().stop(handle, Duration.ofSeconds(1), "TERM");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(15));
        TaskStatus status = driver().inspect(handle);
        assertThat(status.isRunning()).isFalse();
        assertThat(status.exitCode()).isEqualTo(128 + 9);
    }

    @Test
    void stopOfAnEndedTaskDoesNothing() throws InterruptedException {
        TaskHandle handle = start(sh("exit 4"));
        driver().await(handle, WAIT);

        driver().stop(handle, Duration.ofSeconds(1), null);

        assertThat(driver().inspect(handle).exitCode()).isEqualTo(4);
    }

    @Test
    void rejectsAnUnknownSignal() {
        TaskHandle handle = start(sh("sleep 300"));

        assertThatThrownBy(() -> driver().stop(handle, Duration.ofSeconds(1), "SIGNOPE"))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC));
        assertThat(driver().inspect(handle).state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void envArgsAndCommandReachTheTask() throws InterruptedException {
        TaskHandle handle = start(spec("env", List.of("sh", "-c", "echo \"$GREETING $0 $1 $CLUMAN_ALLOC_ID\""),
                List.of("alpha", "beta"), Map.of("GREETING", "hello"), List.of()));
        driver().await(handle, WAIT);

        assertThat(logs(handle, -1)).containsExactly("hello alpha beta " + handle.allocId());
    }

    @Test
    void logsGiveTheLastLinesOfStdoutAndStderr() throws InterruptedException {
        TaskHandle handle = start(sh("for i in 1 2 3 4 5; do echo out$i; done; echo err1 >&2"));
        driver().await(handle, WAIT);

        assertThat(logs(handle, -1)).contains("out1", "out2", "out3", "out4", "out5", "err1").hasSize(6);
        assertThat(logs(handle, 2)).contains("out5").doesNotContain("out1", "out2", "out3");
        assertThat(logs(handle, 0)).isEmpty();
    }

    @Test
    void followingLogsPassesNewLinesAndEndsWithTheTask() {
        TaskHandle handle = start(sh("echo first; while [ ! -e /tmp/go-$CLUMAN_ALLOC_ID ]; do sleep 0.1; done; "
                + "echo later; echo last >&2"));
        awaitLogLine(handle, "first");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread follower = Thread.ofVirtual().start(() ->
                source().logs(handle, 1, true, lines::add, () -> false));
        await().atMost(WAIT).until(() -> lines.contains("first"));
        release(handle);

        await().atMost(WAIT).until(() -> !follower.isAlive());
        assertThat(lines).containsExactlyInAnyOrder("first", "later", "last");
    }

    @Test
    void followingLogsStopsWhenCancelled() {
        TaskHandle handle = start(sh("echo first; sleep 300"));
        awaitLogLine(handle, "first");
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread follower = Thread.ofVirtual().start(() ->
                source().logs(handle, -1, true, lines::add, cancelled::get));
        await().atMost(WAIT).until(() -> lines.contains("first"));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(follower::isAlive);

        cancelled.set(true);

        await().atMost(Duration.ofSeconds(3)).until(() -> !follower.isAlive());
        assertThat(driver().inspect(handle).state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void statsAreNonNegative() {
        TaskHandle handle = start(sh("i=0; while [ $i -lt 100000000 ]; do i=$((i+1)); done"));
        StatsSource stats = (StatsSource) driver();

        TaskStats sample = stats.stats(handle);

        assertThat(sample.cpuPercent()).isNotNegative();
        assertThat(sample.memoryBytes()).isPositive();
        assertThat(sample.memoryLimitBytes()).isNotNegative();
        assertThat(sample.netRxBytes()).isGreaterThanOrEqualTo(TaskStats.UNKNOWN);
        assertThat(sample.at()).isNotNull();
    }

    @Test
    void statsCountTheConnectionsOpenToAPublishedPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TaskHandle handle = start(spec("web", List.of("busybox", "httpd", "-f", "-p", Integer.toString(port)),
                List.of(), Map.of(), List.of(Integer.toString(port))));
        StatsSource stats = (StatsSource) driver();
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return probe.isConnected();
            }
        });
        await().atMost(WAIT).until(() -> stats.stats(handle).connections() == 0);

        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                open.add(new Socket("127.0.0.1", port)); // held open, no request sent: busy clients
            }
            await().atMost(WAIT).until(() -> stats.stats(handle).connections() == 2);
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
        await().atMost(WAIT).until(() -> stats.stats(handle).connections() == 0);
        assertThat(stats.stats(start(sh("sleep 300"))).connections()).isEqualTo(TaskStats.UNKNOWN);
    }

    @Test
    void destroyRemovesTheTaskAndIsIdempotent() {
        TaskHandle handle = start(sh("sleep 300"));

        driver().destroy(handle);
        driver().destroy(handle);

        assertThatThrownBy(() -> driver().inspect(handle)).isInstanceOfSatisfying(DriverException.class,
                e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.NOT_FOUND));
        assertThat(driver().recover(NODE)).doesNotContain(handle);
        assertThatCode(() -> driver().stop(handle, Duration.ofSeconds(1), null)).doesNotThrowAnyException();
    }

    @Test
    void aRestartedAgentRecoversItsTasksAndReattaches() throws InterruptedException {
        TaskHandle running = start(sh("sleep 300"));
        TaskHandle ending = start(sh("while [ ! -e /tmp/go-$CLUMAN_ALLOC_ID ]; do sleep 0.1; done; exit 7"));
        driver().close(); // the agent goes; its tasks stay

        TaskDriver restarted = restartedDriver();
        List<TaskHandle> recovered = restarted.recover(NODE);

        assertThat(recovered).contains(running, ending);
        assertThat(restarted.inspect(running).state()).isEqualTo(TaskState.RUNNING);
        release(ending);
        TaskStatus ended = restarted.await(ending, WAIT);
        assertThat(ended.state()).isEqualTo(TaskState.FAILED);
        assertThat(ended.exitCode()).isEqualTo(7);
        restarted.stop(running, Duration.ofSeconds(10), "TERM");
        assertThat(restarted.inspect(running).exitCode()).isEqualTo(128 + 15);
    }

    @Test
    void recoverListsTasksTheRunnerDoesNotKnowSoTheyCanBeRemoved() {
        TaskDriver earlier = restartedDriver();
        TaskHandle orphan = earlier.start(new TaskRequest(allocId(), NODE, sh("sleep 300"), null));

        List<TaskHandle> recovered = driver().recover(NODE);

        assertThat(recovered).contains(orphan);
        driver().destroy(orphan);
        assertThat(driver().recover(NODE)).doesNotContain(orphan);
    }

    @Test
    void aSecondStartOfTheSameAllocationIsAConflict() {
        String alloc = allocId();
        driver().start(new TaskRequest(alloc, NODE, sh("sleep 300"), null));

        assertThatThrownBy(() -> driver().start(new TaskRequest(alloc, NODE, sh("sleep 300"), null)))
                .isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.CONFLICT));
    }

    @Test
    void aTakenHostPortIsReportedBeforeStart() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            ContainerSpec spec = spec("web", List.of("sh", "-c", "sleep 300"), List.of(), Map.of(),
                    List.of(Integer.toString(port)));

            assertThatThrownBy(() -> start(spec)).isInstanceOfSatisfying(DriverException.class, e -> {
                assertThat(e.reason()).isEqualTo(DriverException.Reason.PORT_IN_USE);
                assertThat(e.getMessage()).contains(Integer.toString(port));
            });
        }
        assertThat(driver().recover(NODE)).isEmpty();
    }

    @Test
    void aBadPortIsAnInvalidSpec() {
        ContainerSpec spec = spec("web", List.of("sh", "-c", "true"), List.of(), Map.of(), List.of("http"));

        assertThatThrownBy(() -> start(spec)).isInstanceOfSatisfying(DriverException.class,
                e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC));
    }

    @Test
    void aMissingProgramFailsTheStartOrTheTask() throws InterruptedException {
        ContainerSpec spec = spec("nope", List.of("no-such-program-xyz"), List.of(), Map.of(), List.of());
        try {
            TaskHandle handle = start(spec);
            // docker's init starts, then cannot exec the program: the task fails with 127
            TaskStatus status = driver().await(handle, WAIT);
            assertThat(status.state()).isEqualTo(TaskState.FAILED);
            assertThat(status.exitCode()).isEqualTo(127);
        } catch (DriverException e) {
            assertThat(e.reason()).isEqualTo(DriverException.Reason.START_FAILED);
            assertThat(e.getMessage()).contains("no-such-program-xyz");
        }
    }

    @Test
    void execRunsACommandInTheRunningTaskWithItsEnvironment() throws InterruptedException {
        TaskHandle handle = start(spec("t", List.of("sh", "-c", "sleep 300"), List.of(), Map.of("MARK", "x y"),
                List.of()));

        ExecResult result = exec().exec(handle, List.of("sh", "-c", "echo \"$MARK\"; echo oops >&2; exit 3"), WAIT);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.output().lines().toList()).containsExactlyInAnyOrder("x y", "oops");
        assertThat(exec().exec(handle, List.of("true"), WAIT).succeeded()).isTrue();
    }

    @Test
    void execStillRunningAtItsTimeoutIsTimedOut() throws InterruptedException {
        TaskHandle handle = start(sh("sleep 300"));

        ExecResult result = exec().exec(handle, List.of("sh", "-c", "echo started; sleep 30"), Duration.ofMillis(500));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isNull();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void execInATaskThatEndedIsNotFound() throws InterruptedException {
        TaskHandle handle = start(sh("true"));
        driver().await(handle, WAIT);

        assertThatThrownBy(() -> exec().exec(handle, List.of("true"), WAIT)).isInstanceOfSatisfying(
                DriverException.class, e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.NOT_FOUND));
    }

    // ---- helpers

    private ExecSource exec() {
        return (ExecSource) driver();
    }

    private LogSource source() {
        return (LogSource) driver();
    }

    protected final List<String> logs(TaskHandle handle, int tail) {
        List<String> lines = new ArrayList<>();
        source().logs(handle, tail, false, lines::add, () -> false);
        return lines;
    }

    protected final void awaitLogLine(TaskHandle handle, String line) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> logs(handle, -1).contains(line));
    }

    /** Lets a task waiting for {@code /tmp/go-<alloc>} go on (the file is in the task's /tmp). */
    protected abstract void release(TaskHandle handle);

    protected static ContainerSpec specOf(String name, DriverName driver, String image, List<String> command,
                                          List<String> args, Map<String, String> env, List<String> ports,
                                          Map<String, String> labels, long memory, double cpus) {
        return new ContainerSpec(name, driver, image, command, args, env, ports, labels, memory, cpus, "no", "");
    }
}
