/**
 * The metrics history: per-series history of node metrics and container stats in bounded, append-only
 * segment files under {@code <data>/fbstorage} — raw points for an hour, 1-minute rollups for a day, 10-minute
 * rollups for 30 days (min/avg/max), retention by age and by size, surviving restarts
 * ({@link io.cluman.server.metrics.MetricsStore}); and what feeds it: heartbeats
 * ({@link io.cluman.server.metrics.NodeMetricsHistory}) and agents' task samples
 * ({@link io.cluman.server.metrics.ContainerMetricsHistory}). Layout, series and reasons in
 * docs/metrics-storage.md. No HTTP here.
 */
package io.cluman.server.metrics;
