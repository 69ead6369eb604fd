/**
 * The metrics history store: per-series history of node metrics and container stats in bounded, append-only
 * segment files under {@code <data>/fbstorage} — raw points for an hour, 1-minute rollups for a day, 10-minute
 * rollups for 30 days (min/avg/max), retention by age and by size, surviving restarts. Layout and reasons in
 * docs/metrics-storage.md. No HTTP and no wiring here: {@link io.cluman.server.metrics.MetricsStore} is the
 * whole API.
 */
package io.cluman.server.metrics;
