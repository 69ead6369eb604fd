package io.cluman.cli.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.api.ContainerView;
import io.cluman.model.container.TaskState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerWaiterTest {
    private Instant now = Instant.parse("2026-11-21T12:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private static ContainerView container(TaskState status) {
        return new ContainerView("c", "c", "n-1", null, null, null, null, null, null, status, null, 0, null, null,
                null, "a-1", 1, null, null, null, null, 1, null, null);
    }

    private ContainerWaiter.Outcome await(ContainerView first, ContainerView... next) {
        Deque<ContainerView> polls = new ArrayDeque<>(List.of(next));
        InstantSource clock = () -> now;
        ContainerWaiter waiter = new ContainerWaiter(name -> polls.size() > 1 ? polls.removeFirst() : polls.peekFirst(),
                d -> {
                    sleeps.add(d);
                    now = now.plus(d);
                }, clock, new PrintWriter(err));
        return waiter.await(first);
    }

    @Test
    void printsEachNewStateOnceOnOneLine() {
        ContainerWaiter.Outcome outcome = await(container(TaskState.PENDING), container(TaskState.PENDING),
                container(TaskState.PULLING), container(TaskState.PULLING), container(TaskState.STARTING),
                container(TaskState.EXITED));

        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.container().status()).isEqualTo(TaskState.EXITED);
        assertThat(err.toString()).isEqualTo("pending → pulling → starting → exited\n");
        assertThat(sleeps).hasSize(5).allMatch(ContainerWaiter.POLL::equals);
    }

    @Test
    void aSettledContainerIsNotPolled() {
        ContainerWaiter.Outcome outcome = await(container(TaskState.RUNNING));

        assertThat(outcome.settled()).isTrue();
        assertThat(sleeps).isEmpty();
        assertThat(err.toString()).isEqualTo("running\n");
    }

    @Test
    void aLostContainerStopsTheWait() {
        assertThat(await(container(TaskState.STARTING), container(TaskState.LOST)).settled()).isTrue();
        assertThat(err.toString()).isEqualTo("starting → lost\n");
    }

    @Test
    void givesUpAfterTheLimit() {
        ContainerWaiter.Outcome outcome = await(container(TaskState.PENDING), container(TaskState.PULLING));

        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.container().status()).isEqualTo(TaskState.PULLING);
        assertThat(err.toString()).isEqualTo("pending → pulling\n");
        Duration waited = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isLessThanOrEqualTo(ContainerWaiter.LIMIT)
                .isGreaterThan(ContainerWaiter.LIMIT.minus(ContainerWaiter.POLL.multipliedBy(2)));
    }
}
