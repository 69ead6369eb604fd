package io.cluman.server.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How many joins the server works on at once. A join is mostly public-key work (a CSR's signature, a node
 * certificate's); under a join storm, hundreds of them at once would take every core from the heartbeats of
 * the nodes already joined, and those would go off. So a join waits up to {@code wait} for one of
 * {@code permits} places, and is otherwise told to come back (429 with a Retry-After of 1-5 s, spread so the
 * agents do not come back together); the agents back off and retry.
 */
final class JoinGate {
    /** Half the cores, at least one: the other half stays for heartbeats and TLS handshakes. */
    static final int DEFAULT_PERMITS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(3);

    private final Semaphore places;
    private final Duration wait;

    JoinGate(int permits, Duration wait) {
        this.places = new Semaphore(permits, true);
        this.wait = wait;
    }

    JoinGate() {
        this(DEFAULT_PERMITS, DEFAULT_WAIT);
    }

    /** A place, held until the permit is closed; 429 when none came free within the wait. */
    Permit enter() throws InterruptedException {
        if (!places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ApiError.TooManyRequests("the server is admitting other agents now",
                    1 + ThreadLocalRandom.current().nextLong(5));
        }
        return places::release;
    }

    /** A place taken; closing it gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
