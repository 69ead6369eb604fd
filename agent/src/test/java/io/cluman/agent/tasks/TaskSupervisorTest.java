package io.cluman.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.RegistryAuth;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.model.agent.Assignment;
import io.cluman.model.agent.RegistryLogin;
import io.cluman.model.agent.TaskFailure;
import io.cluman.model.agent.TaskReport;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DesiredState;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TaskSupervisorTest {
    private final FakeTaskDriver driver = new FakeTaskDriver();
    private final List<TaskReport> reports = new CopyOnWriteArrayList<>();

    private static Assignment assignment(String alloc, long generation, DesiredState desired, String restart) {
        ContainerSpec spec = new ContainerSpec(alloc, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null,
                null, null, null, 0, 0, restart, null);
        return new Assignment(alloc, alloc, spec, generation, desired);
    }

    private TaskSupervisor supervisor() {
        return new TaskSupervisor("n-aaaaaaaaaa", Map.of("process", driver), reports::add);
    }

    private void awaitState(String alloc, TaskState state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream()
                .anyMatch(r -> r.allocId().equals(alloc) && r.state() == state));
    }

    @Test
    void aRefusedPullIsReportedAsSuchWithTheLoginItWasTriedWithAndNotRetried() {
        driver.failStarts = new DriverException(DriverException.Reason.PULL_UNAUTHORIZED,
                "pull of 127.0.0.1:5000/app:1 failed: the registry refuses the credentials");
        TaskSupervisor s = supervisor();
        RegistryLogin login = new RegistryLogin("local", "127.0.0.1:5000", "ci", "pw");

        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "always").withLogin(login)));

        awaitState("a1", TaskState.FAILED);
        assertThat(reports.getLast().failure()).isEqualTo(TaskFailure.PULL_UNAUTHORIZED);
        assertThat(reports.getLast().error()).contains("refuses the credentials");
        assertThat(driver.requests).singleElement().extracting(TaskRequest::auth)
                .isEqualTo(new RegistryAuth("ci", "pw", "127.0.0.1:5000"));
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        assertThat(driver.count("start a1")).as("the same login would be refused again").isEqualTo(1);
    }

    @Test
    void aStartTheEngineRefusedIsTriedAgainUnderAlwaysButNotUnderNo() {
        driver.failStarts = new DriverException(DriverException.Reason.START_FAILED, "starting container x: failed"
                + " to update store for object type *libnetwork.endpoint (an engine that has just come back)");
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("always", 1, DesiredState.RUNNING, "always"),
                assignment("never", 1, DesiredState.RUNNING, "no")));
        awaitState("always", TaskState.FAILED);
        awaitState("never", TaskState.FAILED);
        driver.failStarts = null;

        awaitState("always", TaskState.RUNNING);
        assertThat(driver.count("start always")).isEqualTo(2);
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        assertThat(driver.count("start never")).as("restart 'no' does not try again").isEqualTo(1);
    }

    @Test
    void startsEachAllocationOnceAndReportsItRunning() {
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "no")));
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "no")));
        awaitState("a1", TaskState.RUNNING);
        assertThat(driver.count("start a1")).isEqualTo(1);
    }

    @Test
    void restartsOnFailureUpToItsLimitThenStays() {
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "on-failure:1")));
        awaitState("a1", TaskState.RUNNING);
        driver.finish("a1", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.count("start a1") == 2);
        awaitState("a1", TaskState.FAILED);
        await().until(() -> driver.tasks.get("a1") != null && driver.tasks.get("a1").isRunning());
        driver.finish("a1", 1);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(driver.count("start a1")).isEqualTo(2);
        assertThat(reports.getLast().restarts()).isEqualTo(1);
        assertThat(reports.getLast().exitCode()).isEqualTo(1);
    }

    @Test
    void aSuccessfulExitIsNotRestartedOnFailure() {
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "on-failure")));
        awaitState("a1", TaskState.RUNNING);
        driver.finish("a1", 0);
        awaitState("a1", TaskState.EXITED);
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        assertThat(driver.count("start a1")).isEqualTo(1);
    }

    @Test
    void aNewGenerationRestartsAndStopKeepsTheTask() {
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "no")));
        awaitState("a1", TaskState.RUNNING);
        s.apply(List.of(assignment("a1", 2, DesiredState.RUNNING, "no")));
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.count("start a1") == 2);
        assertThat(driver.calls).containsSubsequence("start a1", "stop a1", "destroy a1", "start a1");
        s.apply(List.of(assignment("a1", 3, DesiredState.STOPPED, "no")));
        awaitState("a1", TaskState.EXITED);
        assertThat(driver.count("destroy a1")).isEqualTo(1);
    }

    @Test
    void aRemovedAllocationIsStoppedAndDestroyed() {
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "always")));
        awaitState("a1", TaskState.RUNNING);
        s.apply(List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.count("destroy a1") == 1);
        assertThat(driver.tasks).doesNotContainKey("a1");
    }

    @Test
    void theRemovalOfAStoppedTaskThatFailsIsTriedAgainUntilItSucceeds() {
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "no")));
        awaitState("a1", TaskState.RUNNING);
        driver.failDestroys.set(2);
        s.apply(List.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> driver.count("destroy a1") == 3);
        assertThat(driver.calls).containsSubsequence("stop a1", "destroy a1");
        assertThat(driver.tasks).doesNotContainKey("a1");
    }

    @Test
    void anOrphanWhoseRemovalFailsIsRemovedLater() {
        driver.leaveBehind("a9");
        driver.failDestroys.set(1);
        TaskSupervisor s = supervisor();
        s.apply(List.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> driver.count("destroy a9") == 2);
        assertThat(driver.tasks).doesNotContainKey("a9");
    }

    @Test
    void recoveredTasksAreReattachedOrRemovedButNeverStartedAgain() {
        driver.leaveBehind("a1");
        driver.leaveBehind("a9");
        TaskSupervisor s = supervisor();
        s.apply(List.of(assignment("a1", 1, DesiredState.RUNNING, "always")));
        awaitState("a1", TaskState.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.count("destroy a9") == 1);
        assertThat(driver.count("start a1")).isZero();
        assertThat(driver.tasks.get("a1").isRunning()).isTrue();
    }
}
