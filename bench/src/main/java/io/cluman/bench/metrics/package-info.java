/**
 * The metrics history benchmark: ingestion into {@link io.cluman.server.metrics.MetricsStore} of 10,000 series
 * at one point per 5 s over a simulated hour, as fast as one thread can, with the CPU that costs per second of
 * real time, and the time of a 30-day query of one series. Run by {@code bench/run-metrics-bench.sh}.
 */
package io.cluman.bench.metrics;
