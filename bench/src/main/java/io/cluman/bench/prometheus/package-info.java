/**
 * The scrape benchmark: {@code GET /metrics}'s work ({@link io.cluman.server.prometheus.FleetGauges} refresh and
 * the text format) at 10,000 nodes, in process, without HTTP. Run by {@code bench/run-scrape-bench.sh}.
 */
package io.cluman.bench.prometheus;
