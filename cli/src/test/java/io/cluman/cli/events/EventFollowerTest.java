package io.cluman.cli.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.event.Action;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventFollowerTest {
    private final List<Long> openedAfter = new ArrayList<>();
    private final List<Long> seen = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    static Event event(long id) {
        return new Event(id, Instant.parse("2026-11-21T12:00:00Z"), Topic.NODE, Action.UPDATE, Severity.INFO, "node",
                "n-1", "changed", Map.of());
    }

    /** A feed that yields its events, then breaks (or ends, when {@code breaks} is false). */
    static EventFollower.Feed feed(boolean breaks, long... ids) {
        Deque<Long> left = new ArrayDeque<>();
        for (long id : ids) {
            left.add(id);
        }
        return new EventFollower.Feed() {
            @Override
            public Optional<Event> next() {
                if (!left.isEmpty()) {
                    return Optional.of(event(left.removeFirst()));
                }
                if (breaks) {
                    throw new UncheckedIOException("event stream broke: reset", new IOException("reset"));
                }
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void reconnectsAfterTheLastSeenIdAndNeverRepeatsAnEvent() {
        Deque<EventFollower.Feed> feeds = new ArrayDeque<>(List.of(
                feed(true, 5, 6),
                feed(false, 6, 7),
                feed(false)));
        int[] opens = {0};
        EventFollower follower = new EventFollower(after -> {
            openedAfter.add(after);
            if (++opens[0] > 3) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException("cannot reach x", new IOException("refused"));
            }
            return feeds.removeFirst();
        }, e -> seen.add(e.id()), sleeps::add, new PrintWriter(err));

        long last = follower.follow(4);
        boolean interrupted = Thread.interrupted();

        assertThat(interrupted).isTrue();
        assertThat(last).isEqualTo(7);
        assertThat(seen).containsExactly(5L, 6L, 7L);
        assertThat(openedAfter).containsExactly(4L, 6L, 7L, 7L);
        assertThat(err.toString()).contains("reconnecting after id 6").contains("reconnected")
                .contains("reconnecting after id 7");
    }

    @Test
    void backsOffUpToTheLimitWhileTheServerIsAway() {
        int[] opens = {0};
        EventFollower follower = new EventFollower(after -> {
            opens[0]++;
            if (opens[0] == 1) {
                return feed(true);
            }
            if (opens[0] > 7) {
                Thread.currentThread().interrupt();
            }
            throw new UncheckedIOException("cannot reach x", new IOException("refused"));
        }, e -> seen.add(e.id()), sleeps::add, new PrintWriter(err));

        follower.follow(0);
        Thread.interrupted();

        assertThat(sleeps).startsWith(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(err.toString().lines()).as("one note per outage").hasSize(1);
    }

    @Test
    void anUnreachableServerFailsTheFirstConnection() {
        EventFollower follower = new EventFollower(after -> {
            throw new UncheckedIOException("cannot reach http://x", new IOException("refused"));
        }, e -> seen.add(e.id()), sleeps::add, new PrintWriter(err));

        assertThatThrownBy(() -> follower.follow(0)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void followedRowsUseFixedColumns() {
        assertThat(EventRows.followRow(event(42)))
                .isEqualTo("42        2026-11-21T12:00:00Z  node              update    INFO      node/n-1"
                        + "                      changed");
    }
}
