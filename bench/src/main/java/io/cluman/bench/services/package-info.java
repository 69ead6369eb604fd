/**
 * The service benchmark against Docker Swarm: the same replicated service (busybox {@code sleep}) created at 50
 * replicas, scaled to 100, then to 10, on Cluman and on a Swarm of a dedicated engine, each step timed from the
 * request until {@code docker ps} on the engine shows the target count running. Run by
 * {@code bench/run-swarm-compare.sh}; figures in docs/benchmarks.md.
 */
package io.cluman.bench.services;
