package io.cluman.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulated agents measured. Heartbeats count toward the figures only when they start
 * inside the measured window ({@link #openWindow}, {@link #closeWindow}); joins always count.
 * Thread-safe: written by every agent thread, read by the report after the window closed.
 */
final class FleetCounters {
    final LatencyRecorder heartbeatLatency = new LatencyRecorder();
    final LatencyRecorder joinLatency = new LatencyRecorder();
    /** How late heartbeats started against their plan: large values mean the bench itself fell behind. */
    final LatencyRecorder startLag = new LatencyRecorder();
    final LongAdder beats = new LongAdder();
    final LongAdder beatsOutsideWindow = new LongAdder();
    final LongAdder joinErrors = new LongAdder();
    final LongAdder rejoins = new LongAdder();
    final LongAccumulator minInterval = new LongAccumulator(Math::min, Long.MAX_VALUE);
    final LongAccumulator maxInterval = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final Map<String, LongAdder> errorsInWindow = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsOutsideWindow = new ConcurrentHashMap<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    long windowStart() {
        return windowStart;
    }

    void openWindow(long nanoTime) {
        windowStart = nanoTime;
    }

    void closeWindow(long nanoTime) {
        windowEnd = nanoTime;
    }

    boolean inWindow(long nanoTime) {
        return nanoTime >= windowStart && nanoTime < windowEnd;
    }

    /** A heartbeat answered with 2xx: {@code started} and {@code planned} are {@link System#nanoTime()} values. */
    void beat(long planned, long started, long answered, long intervalMillis) {
        if (!inWindow(started)) {
            beatsOutsideWindow.increment();
            return;
        }
        beats.increment();
        heartbeatLatency.record((answered - started) / 1000, started);
        startLag.record(Math.max(0, started - planned) / 1000);
        minInterval.accumulate(intervalMillis);
        maxInterval.accumulate(intervalMillis);
    }

    /** A heartbeat that failed: {@code kind} is {@code HTTP 503}, {@code timeout}, {@code io} ... */
    void beatFailed(long started, String kind) {
        Map<String, LongAdder> map = inWindow(started) ? errorsInWindow : errorsOutsideWindow;
        map.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    Map<String, Long> errorsInWindow() {
        return snapshot(errorsInWindow);
    }

    Map<String, Long> errorsOutsideWindow() {
        return snapshot(errorsOutsideWindow);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
        Map<String, Long> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
