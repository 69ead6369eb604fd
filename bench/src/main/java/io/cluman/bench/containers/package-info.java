/**
 * The container-start benchmark: how fast Cluman gets N containers running on one node, against the same
 * Docker Engine driven by a plain loop of {@code docker run -d} (the engine's ceiling as a user sees it).
 * Run by {@code bench/run-container-bench.sh}; figures in docs/benchmarks.md.
 */
package io.cluman.bench.containers;
