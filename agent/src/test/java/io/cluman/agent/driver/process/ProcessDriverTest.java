package io.cluman.agent.driver.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cluman.agent.driver.DriverContract;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver contract against the process driver, and what only it does. */
class ProcessDriverTest extends DriverContract {
    @TempDir
    Path data;

    @Override
    protected TaskDriver newDriver() {
        return new ProcessDriver(data, InstantSource.system());
    }

    @Override
    protected ContainerSpec spec(String name, List<String> command, List<String> args, Map<String, String> env,
                                 List<String> ports) {
        return specOf(name, DriverName.PROCESS, "", command, args, env, ports, Map.of(), 0, 0);
    }

    @Override
    protected void release(TaskHandle handle) {
        try {
            Files.writeString(Path.of("/tmp/go-" + handle.allocId()), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void removeReleaseFiles() throws IOException {
        String prefix = "go-a" + ProcessHandle.current().pid() + "-";
        try (var files = Files.list(Path.of("/tmp"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private TaskRecord record(TaskHandle handle) {
        return new TaskDir(data.resolve("tasks").resolve(handle.allocId())).read().orElseThrow();
    }

    @Test
    void theStateFileRecordsPidStartTimeCommandAndIds() {
        TaskHandle handle = start(sh("sleep 300"));

        TaskRecord record = record(handle);
        ProcStat stat = ProcStat.read(record.pid()).orElseThrow();
        assertThat(handle.runtimeId()).isEqualTo(record.pid() + ":" + stat.startTime());
        assertThat(record.startTime()).isEqualTo(stat.startTime());
        assertThat(record).extracting(TaskRecord::allocId, TaskRecord::nodeId, TaskRecord::command)
                .containsExactly(handle.allocId(), NODE, List.of("sh", "-c", "sleep 300"));
        // its own session and group: no signal for the agent's group or terminal reaches it; already so
        // when the task recorded itself, so a stop right after start finds the group it signals
        ProcStat recorded = new TaskDir(data.resolve("tasks").resolve(handle.allocId())).stat(TaskDir.TASK)
                .orElseThrow();
        assertThat(recorded.session()).isEqualTo(record.pid());
        assertThat(recorded.pgrp()).isEqualTo(record.pid());
        assertThat(stat.session()).isEqualTo(record.pid());
        assertThat(stat.pgrp()).isEqualTo(record.pid());
        assertThat(ProcStat.read(record.wrapperPid()).orElseThrow().session()).isEqualTo(record.wrapperPid());
        assertThat(ProcStat.read(ProcessHandle.current().pid()).orElseThrow().session()).isNotEqualTo(record.pid());
    }

    @Test
    void aTaskOutlivesTheAgentThatStartedItAndANewAgentLearnsItsExitCode() throws Exception {
        String script = "while [ ! -e /tmp/go-$CLUMAN_ALLOC_ID ]; do sleep 0.1; done; exit 7";
        String stopped = allocId();
        String killed = allocId();
        Process stopping = AgentProcess.launch(data, NODE, stopped, "exit", List.of("sh", "-c", script));
        Process dying = AgentProcess.launch(data, NODE, killed, "hang", List.of("sh", "-c", script));
        assertThat(stopping.waitFor()).isZero();
        dying.destroyForcibly().waitFor();

        List<TaskHandle> recovered = driver().recover(NODE);
        assertThat(recovered).extracting(TaskHandle::allocId).contains(stopped, killed);
        for (TaskHandle handle : recovered) {
            assertThat(driver().inspect(handle).state()).isEqualTo(TaskState.RUNNING);
            release(handle);
            TaskStatus ended = driver().await(handle, WAIT);
            assertThat(ended.exitCode()).isEqualTo(7);
            assertThat(ended.finishedAt()).isNotNull();
        }
    }

    @Test
    void aTaskKilledWithItsWrapperIsFailedWithoutAnExitCode() throws Exception {
        TaskHandle handle = start(sh("sleep 300"));
        TaskRecord record = record(handle);

        new ProcessBuilder("kill", "-KILL", Long.toString(record.wrapperPid()), Long.toString(record.pid()))
                .start().waitFor();

        await().atMost(WAIT).until(() -> driver().inspect(handle).state() == TaskState.FAILED);
        TaskStatus status = driver().inspect(handle);
        assertThat(status.exitCode()).isNull();
        assertThat(status.error()).contains("without recording an exit code");
    }

    @Test
    void aStaleHandleNeitherSeesNorDestroysTheNextTaskOfItsAllocation() {
        String alloc = allocId();
        TaskHandle old = driver().start(new TaskRequest(alloc, NODE, sh("exit 0"), null));
        driver().destroy(old);
        TaskHandle current = driver().start(new TaskRequest(alloc, NODE, sh("sleep 300"), null));

        assertThatThrownBy(() -> driver().inspect(old)).isInstanceOfSatisfying(DriverException.class,
                e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.NOT_FOUND));
        driver().destroy(old);
        assertThat(driver().inspect(current).state()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void logsAreRotatedByCopyAndTruncateAndStillRead() throws Exception {
        ProcessDriver driver = new ProcessDriver(data, InstantSource.system(), System.getenv(),
                new ProcessDriver.Options(1000, 2, Duration.ofMillis(100), CgroupLimits.DEFAULT_ROOT));
        try (driver) {
            TaskHandle handle = driver.start(new TaskRequest(allocId(), NODE, sh(
                    "i=0; while [ $i -lt 100 ]; do echo line-$i-0123456789; i=$((i+1)); done; "
                            + "while [ ! -e /tmp/go-$CLUMAN_ALLOC_ID ]; do sleep 0.1; done; echo after"), null));
            Path stdout = data.resolve("tasks").resolve(handle.allocId()).resolve("stdout.log");
            await().atMost(WAIT).until(() -> Files.exists(LogFiles.rotated(stdout, 1)));
            assertThat(Files.size(stdout)).isLessThanOrEqualTo(1000);

            release(handle);
            driver.await(handle, WAIT);
            List<String> lines = new ArrayList<>();
            driver.logs(handle, 3, false, lines::add, () -> false);
            assertThat(lines).containsExactly("line-98-0123456789", "line-99-0123456789", "after");
            assertThat(Files.readString(stdout)).endsWith("after\n");
        }
    }

    @Test
    void memoryAndCpuLimitsAreCgroupsWhereTheAgentMayWriteThem() throws InterruptedException {
        ContainerSpec spec = specOf("limited", DriverName.PROCESS, "", List.of("sleep", "300"), List.of(), Map.of(),
                List.of(), Map.of(), 64L << 20, 0.5);
        TaskHandle handle = start(spec);
        TaskRecord record = record(handle);
        assumeTrue(record.limitsEnforced(), record.limits());

        assertThat(record.cgroups()).isNotEmpty();
        for (String dir : record.cgroups()) {
            assertThat(CgroupLimits.pids(List.of(Path.of(dir)))).contains(record.pid());
        }
        assertThat(CgroupLimits.memoryUsed(record.cgroups().stream().map(Path::of).toList())).isPresent();
        driver().destroy(handle);
        assertThat(record.cgroups()).allSatisfy(dir -> assertThat(Path.of(dir)).doesNotExist());

        TaskHandle greedy = start(specOf("greedy", DriverName.PROCESS, "", List.of("dd", "if=/dev/zero",
                "of=/dev/null", "bs=128M", "count=1"), List.of(), Map.of(), List.of(), Map.of(), 64L << 20, 0));
        assertThat(driver().await(greedy, WAIT).exitCode()).isEqualTo(128 + 9);
    }

    @Test
    void withoutAWritableCgroupTheTaskRunsAndTheRecordSaysLimitsAreNotEnforced(@TempDir Path noCgroups)
            throws Exception {
        try (ProcessDriver driver = new ProcessDriver(data, InstantSource.system(), System.getenv(),
                new ProcessDriver.Options(10L << 20, 3, Duration.ofSeconds(10), noCgroups))) {
            TaskHandle handle = driver.start(new TaskRequest(allocId(), NODE, specOf("l", DriverName.PROCESS, "",
                    List.of("sleep", "300"), List.of(), Map.of(), List.of(), Map.of(), 64L << 20, 1), null));

            assertThat(driver.inspect(handle).state()).isEqualTo(TaskState.RUNNING);
            assertThat(record(handle).limitsEnforced()).isFalse();
            assertThat(record(handle).limits()).contains("not enforced");
            assertThat(driver.stats(handle).memoryLimitBytes()).isZero();
        }
    }

    @Test
    void tasksGetTheAgentsBasicEnvironmentOnlyAndARelativeWorkDirUnderTheirDir() throws Exception {
        Map<String, String> host = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "CLUMAN_TOKEN", "secret");
        try (ProcessDriver driver = new ProcessDriver(data, InstantSource.system(), host, ProcessDriver.Options.DEFAULTS)) {
            ContainerSpec spec = new ContainerSpec("e", DriverName.PROCESS, "", List.of("sh", "-c",
                    "echo \"token=$CLUMAN_TOKEN home=$HOME dir=$(pwd)\""), List.of(), Map.of(), List.of(), Map.of(),
                    0, 0, "no", "work");
            TaskHandle handle = driver.start(new TaskRequest(allocId(), NODE, spec, null));
            driver.await(handle, WAIT);

            List<String> lines = new ArrayList<>();
            driver.logs(handle, -1, false, lines::add, () -> false);
            assertThat(lines).containsExactly("token= home=/root dir="
                    + data.resolve("tasks").resolve(handle.allocId()).resolve("work").toRealPath());
        }
    }

    @Test
    void healthNeedsShAndSetsidOnThePath() {
        assertThat(driver().health().healthy()).isTrue();
        try (ProcessDriver bare = new ProcessDriver(data, InstantSource.system(), Map.of("PATH", data.toString()),
                ProcessDriver.Options.DEFAULTS)) {
            assertThat(bare.health().healthy()).isFalse();
            assertThat(bare.health().detail()).contains("not on PATH");
        }
    }
}
