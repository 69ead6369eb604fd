/**
 * Load generators that print figures; never timed assertions.
 *
 * <p>{@link io.cluman.bench.HeartbeatBench} runs thousands of simulated agents in its own process
 * against a real server over HTTP (join, then heartbeats at the interval each reply asks for) and
 * prints heartbeat latency percentiles, errors, false {@code off} transitions and the server's CPU
 * and memory. With {@code --spawn-server} it starts the server itself in a child JVM
 * ({@link io.cluman.bench.BenchServerMain}) so the server's process can be measured apart.
 *
 * <pre>
 *  HeartbeatBench ──► SpawnedServer (child JVM: BenchServerMain ─► ServerWiring [+ JettyExperiment])
 *        │                      ▲ /proc/PID/stat, /proc/PID/status ◄── ProcessSampler
 *        ├─► SimulatedFleet: N × SimulatedAgent (virtual threads over K HttpClients) ─► FakeNode
 *        │        └─► FleetCounters, LatencyRecorder (measured window only)
 *        ├─► OfflineWatch (polls /v1/events for offline events of the simulated nodes)
 *        └─► BenchReport (plain text on stdout; TcpStats, GcLogSummary)
 * </pre>
 */
package io.cluman.bench;
