package io.cluman.server.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Token buckets per key (a remote address): each key may spend {@link RateLimit#burst()} at once and
 * earns {@link RateLimit#perSecond()} back. Memory is bounded: a bucket that has refilled carries no
 * information and is dropped by a sweep once a minute, and past {@code maxKeys} the least recently
 * used key is forgotten (it starts again with a full bucket, which only ever errs towards letting
 * a request through).
 *
 * <p>Thread-safe: one lock around a few arithmetic operations per call.
 */
public final class RateLimiter {
    /** Keys kept at most: about 100 bytes each. */
    static final int DEFAULT_MAX_KEYS = 100_000;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final RateLimit limit;
    private final InstantSource clock;
    private final int maxKeys;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Bucket> buckets;
    private Instant nextSweep;

    public RateLimiter(RateLimit limit, InstantSource clock, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.limit = limit;
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.nextSweep = clock.instant().plus(SWEEP_EVERY);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    public RateLimiter(RateLimit limit, InstantSource clock) {
        this(limit, clock, DEFAULT_MAX_KEYS);
    }

    /** Takes one token of {@code key}'s bucket; the answer says whether there was one. */
    public Decision acquire(String key) {
        if (!limit.isOn()) {
            return Decision.ALLOWED;
        }
        long now = clock.millis();
        lock.lock();
        try {
            sweepIfDue();
            Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
            b.refill(now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Decision.ALLOWED;
            }
            return new Decision(false, Duration.ofMillis((long) Math.ceil((1 - b.tokens) * 1000 / limit.perSecond())));
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code key} has no token left now (without spending one). */
    public boolean isExhausted(String key) {
        if (!limit.isOn()) {
            return false;
        }
        long now = clock.millis();
        lock.lock();
        try {
            Bucket b = buckets.get(key);
            if (b == null) {
                return false;
            }
            b.refill(now);
            return b.tokens < 1;
        } finally {
            lock.unlock();
        }
    }

    /** How many keys are remembered now (for tests of the memory bound). */
    int size() {
        lock.lock();
        try {
            return buckets.size();
        } finally {
            lock.unlock();
        }
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        long millis = now.toEpochMilli();
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            b.refill(millis);
            if (b.tokens >= limit.burst()) {
                it.remove();
            }
        }
    }

    /**
     * Whether a request may go on; when not, how long until it may.
     *
     * @param retryAfter zero when allowed
     */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds to wait, rounded up, at least 1: the value of a {@code Retry-After} header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final class Bucket {
        private double tokens;
        private long at;

        private Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        private void refill(long now) {
            if (now > at) {
                tokens = Math.min(limit.burst(), tokens + (now - at) * limit.perSecond() / 1000.0);
                at = now;
            }
        }
    }
}
