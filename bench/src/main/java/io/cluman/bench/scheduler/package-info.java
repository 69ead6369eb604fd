/**
 * The scheduler benchmark: single-threaded placements per second on a simulated cluster of 10,000 nodes
 * (binpack, two constraints), and a run of 1,000,000 placements verified afterwards for oversubscription and
 * constraint breaches by an independent tally. Pure computation, no server. Run by
 * {@code bench/run-scheduler-bench.sh}; figures in docs/benchmarks.md.
 */
package io.cluman.bench.scheduler;
