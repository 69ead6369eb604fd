package io.cluman.cli.container;

import io.cluman.cli.remote.Sleeper;
import io.cluman.model.api.ContainerView;
import io.cluman.model.container.TaskState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Polls a new container until it settles ({@code RUNNING}, {@code EXITED}, {@code FAILED}, or
 * {@code LOST}) or a time limit passes, writing the states it goes through as one line on stderr:
 * {@code pending → starting → running}.
 */
final class ContainerWaiter {
    static final Duration POLL = Duration.ofMillis(300);
    static final Duration LIMIT = Duration.ofSeconds(120);
    static final Set<TaskState> SETTLED = Set.of(TaskState.RUNNING, TaskState.EXITED, TaskState.FAILED,
            TaskState.LOST);

    /** The last container seen, and whether it settled before the limit. */
    record Outcome(ContainerView container, boolean settled) {
    }

    private final Function<String, ContainerView> fetch;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final PrintWriter err;

    ContainerWaiter(Function<String, ContainerView> fetch, Sleeper sleeper, InstantSource clock, PrintWriter err) {
        this.fetch = fetch;
        this.sleeper = sleeper;
        this.clock = clock;
        this.err = err;
    }

    Outcome await(ContainerView start) {
        Instant deadline = clock.instant().plus(LIMIT);
        ContainerView c = start;
        TaskState shown = null;
        boolean settled = false;
        try {
            while (true) {
                if (c.status() != null && c.status() != shown) {
                    err.print((shown == null ? "" : " → ") + c.status().name().toLowerCase(Locale.ROOT));
                    err.flush();
                    shown = c.status();
                }
                if (c.status() != null && SETTLED.contains(c.status())) {
                    settled = true;
                    break;
                }
                if (!clock.instant().plus(POLL).isBefore(deadline)) {
                    break;
                }
                try {
                    sleeper.sleep(POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                c = fetch.apply(start.name());
            }
        } finally {
            if (shown != null) {
                err.println();
                err.flush();
            }
        }
        return new Outcome(c, settled);
    }
}
