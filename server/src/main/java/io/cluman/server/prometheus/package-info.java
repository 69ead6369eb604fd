/**
 * What {@code GET /metrics} shows Prometheus: the fleet (nodes by state, containers by status, services'
 * replicas, each node's CPU and memory) computed from the in-memory views at scrape time, and the server's
 * own health (heartbeat handling and store latency, JVM). Scrape configuration in docs/prometheus.md.
 *
 * <pre>
 *   ServerMeters ── the Micrometer registry, JVM binders, scrape()
 *        ▲   ▲
 *        │   └── FleetGauges: before each scrape, one pass over FleetSample's inputs
 *        └────── TimedKvStore: a KvStore decorator timing every store call
 * </pre>
 */
package io.cluman.server.prometheus;
