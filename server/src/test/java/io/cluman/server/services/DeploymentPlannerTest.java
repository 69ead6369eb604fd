package io.cluman.server.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.model.service.UpdateStrategy;
import io.cluman.server.services.DeploymentPlanner.Input;
import io.cluman.server.services.DeploymentPlanner.Outcome;
import io.cluman.server.services.DeploymentPlanner.Replica;
import io.cluman.server.services.DeploymentPlanner.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentPlannerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final UpdateStrategy ONE = new UpdateStrategy(1, Duration.ofSeconds(5), Duration.ofMinutes(1),
            false, 0);

    /** An old-template replica, running for long. */
    private static Replica old(String name) {
        return new Replica(name, false, false, TaskState.RUNNING, false, null, NOW.minusSeconds(600),
                NOW.minusSeconds(600));
    }

    /** A new replica, ready for {@code readySeconds} (negative: not ready), created {@code ageSeconds} ago. */
    private static Replica fresh(String name, int ageSeconds, int readySeconds) {
        return new Replica(name, true, false, readySeconds < 0 ? TaskState.STARTING : TaskState.RUNNING, false, null,
                NOW.minusSeconds(ageSeconds), readySeconds < 0 ? null : NOW.minusSeconds(readySeconds));
    }

    private static Replica onDrainingNode(String name) {
        return new Replica(name, true, true, TaskState.RUNNING, false, null, NOW.minusSeconds(600),
                NOW.minusSeconds(600));
    }

    private static Step deploy(int desired, UpdateStrategy u, boolean promoted, Replica... replicas) {
        return DeploymentPlanner.plan(new Input(desired, 1, u, true, promoted, List.of(replicas), NOW));
    }

    private static Step drain(int desired, int maxUnavailable, Replica... replicas) {
        return DeploymentPlanner.plan(new Input(desired, maxUnavailable, ONE, false, true, List.of(replicas), NOW));
    }

    @Test
    void startsOneNewReplicaBeforeRemovingAnyOld() {
        Step step = deploy(3, ONE, true, old("a"), old("b"), old("c"));
        assertThat(step.create()).isEqualTo(1);
        assertThat(step.remove()).isEmpty();
        assertThat(step.outcome()).isInstanceOf(Outcome.Continues.class);
    }

    @Test
    void waitsForTheMinimumHealthyTimeBeforeRemovingAnOld() {
        assertThat(deploy(3, ONE, true, old("a"), old("b"), old("c"), fresh("n", 10, 4)).remove()).isEmpty();
        Step stable = deploy(3, ONE, true, old("a"), old("b"), old("c"), fresh("n", 10, 5));
        assertThat(stable.remove()).containsExactly("a");
        assertThat(stable.done()).isEqualTo(1);
        assertThat(stable.create()).as("the next new replica starts as the old one goes").isEqualTo(1);
    }

    @Test
    void maxParallelBoundsTheNewReplicasInFlight() {
        UpdateStrategy two = new UpdateStrategy(2, Duration.ofSeconds(5), Duration.ofMinutes(1), false, 0);
        assertThat(deploy(4, two, true, old("a"), old("b"), old("c"), old("d")).create()).isEqualTo(2);
        assertThat(deploy(4, two, true, old("a"), old("b"), old("c"), old("d"), fresh("n", 1, -1)).create())
                .isEqualTo(1);
    }

    @Test
    void succeedsWhenEveryReplicaIsNewAndStable() {
        Step step = deploy(2, ONE, true, fresh("n1", 60, 30), fresh("n2", 60, 30));
        assertThat(step.outcome()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(step.done()).isEqualTo(2);
    }

    @Test
    void anUnhealthyNewReplicaFailsTheDeployment() {
        Replica sick = new Replica("n", true, false, TaskState.RUNNING, true, Health.UNHEALTHY, NOW.minusSeconds(9),
                null);
        assertThat(deploy(2, ONE, true, old("a"), old("b"), sick).outcome())
                .isEqualTo(new Outcome.Failed("replica n is unhealthy"));
    }

    @Test
    void anExitedNewReplicaFailsTheDeployment() {
        Replica exited = new Replica("n", true, false, TaskState.EXITED, false, null, NOW.minusSeconds(9), null);
        assertThat(deploy(2, ONE, true, old("a"), exited).outcome()).isEqualTo(new Outcome.Failed("replica n exited"));
    }

    @Test
    void aNewReplicaNotReadyByTheDeadlineFailsTheDeployment() {
        assertThat(deploy(2, ONE, true, old("a"), old("b"), fresh("n", 59, -1)).outcome())
                .isInstanceOf(Outcome.Continues.class);
        assertThat(deploy(2, ONE, true, old("a"), old("b"), fresh("n", 60, -1)).outcome())
                .isEqualTo(new Outcome.Failed("replica n not running within 1m"));
    }

    @Test
    void canariesWaitForPromotionThenTheRestRolls() {
        UpdateStrategy canary = new UpdateStrategy(1, Duration.ofSeconds(5), Duration.ofMinutes(1), false, 1);
        assertThat(deploy(3, canary, false, old("a"), old("b"), old("c")).create()).isEqualTo(1);
        Step waiting = deploy(3, canary, false, old("a"), old("b"), old("c"), fresh("n", 60, 30));
        assertThat(waiting.create()).isZero();
        assertThat(waiting.remove()).isEmpty();
        assertThat(waiting.waiting()).contains("waiting for promote");
        assertThat(deploy(3, canary, true, old("a"), old("b"), old("c"), fresh("n", 60, 30)).remove())
                .containsExactly("a");
    }

    @Test
    void drainWithMaxUnavailableZeroKeepsTheOldUntilItsReplacementIsReady() {
        Step first = drain(2, 0, onDrainingNode("d"), fresh("k", 600, 600));
        assertThat(first.create()).isEqualTo(1);
        assertThat(first.remove()).isEmpty();
        assertThat(drain(2, 0, onDrainingNode("d"), fresh("k", 600, 600), fresh("r", 1, -1)).remove()).isEmpty();
        assertThat(drain(2, 0, onDrainingNode("d"), fresh("k", 600, 600), fresh("r", 1, 0)).remove())
                .containsExactly("d");
    }

    @Test
    void drainWithMaxUnavailableOneRemovesOnceTheReplacementIsPlaced() {
        assertThat(drain(2, 1, onDrainingNode("d"), fresh("k", 600, 600)).remove()).isEmpty();
        assertThat(drain(2, 1, onDrainingNode("d"), fresh("k", 600, 600), fresh("r", 1, -1)).remove())
                .containsExactly("d");
    }

    @Test
    void drainNeverRemovesAReplicaWithoutAPlacedReplacement() {
        Step step = drain(1, 5, onDrainingNode("d"));
        assertThat(step.create()).isEqualTo(1);
        assertThat(step.remove()).isEmpty();
    }

    @Test
    void nothingMovesWithoutDeploymentOrLeavingReplica() {
        assertThat(DeploymentPlanner.moving(false, List.of(fresh("a", 60, 60)))).isFalse();
        assertThat(DeploymentPlanner.moving(false, List.of(onDrainingNode("d")))).isTrue();
        assertThat(DeploymentPlanner.moving(true, List.of())).isTrue();
    }
}
