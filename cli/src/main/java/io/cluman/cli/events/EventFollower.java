package io.cluman.cli.events;

import io.cluman.cli.remote.ClientCommand;
import io.cluman.cli.remote.Sleeper;
import io.cluman.client.ApiException;
import io.cluman.model.event.Event;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Follows the event stream until interrupted: when the stream breaks or ends it reconnects, asking
 * for the events after the last id it saw, waiting a little longer each failed try (up to
 * {@link #MAX_BACKOFF}), saying so once per outage and again when back. Events at or below the last
 * id are dropped, so a replay never repeats one.
 * The first connection must succeed: an unreachable server fails the command at once.
 */
final class EventFollower {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** One open stream: the next event, or empty when the server ended it. */
    interface Feed extends AutoCloseable {
        Optional<Event> next();

        @Override
        void close();
    }

    private final LongFunction<Feed> open;
    private final Consumer<Event> sink;
    private final Sleeper sleeper;
    private final PrintWriter err;

    EventFollower(LongFunction<Feed> open, Consumer<Event> sink, Sleeper sleeper, PrintWriter err) {
        this.open = open;
        this.sink = sink;
        this.sleeper = sleeper;
        this.err = err;
    }

    /** Follows from after {@code lastId} (0: from now) until the thread is interrupted; returns the last id seen. */
    long follow(long lastId) {
        long last = lastId;
        Duration backoff = FIRST_BACKOFF;
        boolean connectedOnce = false;
        boolean broken = false;
        while (!Thread.currentThread().isInterrupted()) {
            try (Feed feed = open.apply(last)) {
                if (broken) {
                    note("reconnected");
                    broken = false;
                }
                connectedOnce = true;
                backoff = FIRST_BACKOFF;
                for (Optional<Event> e = feed.next(); e.isPresent(); e = feed.next()) {
                    if (e.get().id() > last || e.get().id() == 0) {
                        sink.accept(e.get());
                        last = Math.max(last, e.get().id());
                    }
                }
                broken = noteOnce(broken, "event stream ended; reconnecting after id " + last);
            } catch (UncheckedIOException e) {
                if (!connectedOnce && ClientCommand.isUnreachable(e)) {
                    throw e;
                }
                String why = ClientCommand.isUnreachable(e) ? "server unreachable" : e.getMessage();
                broken = noteOnce(broken, "event stream broke (" + why + "); reconnecting after id " + last);
            } catch (ApiException e) {
                if (!connectedOnce || e.status() < 500) {
                    throw e;
                }
                broken = noteOnce(broken, "server error on the event stream (" + e.getMessage()
                        + "); reconnecting after id " + last);
            }
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        return last;
    }

    /** Says why the stream is down, once per outage (retries stay quiet); returns true: broken. */
    private boolean noteOnce(boolean alreadyBroken, String message) {
        if (!alreadyBroken) {
            note(message);
        }
        return true;
    }

    private void note(String message) {
        err.println(message);
        err.flush();
    }
}
