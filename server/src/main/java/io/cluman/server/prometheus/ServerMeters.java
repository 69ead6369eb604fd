package io.cluman.server.prometheus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's one meter registry, in Prometheus form, with the JVM's memory, GC, threads, CPU and uptime
 * bound to it. Parts that compute their values at scrape time register a refresh with
 * {@link #beforeScrape}; {@link #scrape} runs them and writes the text format, one scrape at a time.
 */
public final class ServerMeters implements AutoCloseable {
    /** The text format's media type, as Prometheus asks for it. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Histogram buckets of the latency timers: a few, so each timer stays a dozen series. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<Runnable> refreshes = new CopyOnWriteArrayList<>();
    private final ReentrantLock scraping = new ReentrantLock();
    private final Timer heartbeats;

    public ServerMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        heartbeats = latency("cluman.heartbeat.handling", "time to handle one agent heartbeat, body parsing included")
                .register(registry);
    }

    /** A timer builder with this server's latency buckets. */
    static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Times the handling of agent heartbeats. */
    public Timer heartbeats() {
        return heartbeats;
    }

    /** Runs {@code refresh} before every scrape, on the scraping thread. */
    public void beforeScrape(Runnable refresh) {
        refreshes.add(refresh);
    }

    /** Every meter in the Prometheus text format (0.0.4), after the refreshes. */
    public String scrape() {
        scraping.lock();
        try {
            refreshes.forEach(Runnable::run);
            return registry.scrape();
        } finally {
            scraping.unlock();
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
