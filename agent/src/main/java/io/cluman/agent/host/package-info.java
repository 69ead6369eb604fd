/**
 * What the machine is ({@link io.cluman.agent.host.FactsCollector}: hostname, addresses, CPUs, memory,
 * disks, OS, agent version) and how busy it is ({@link io.cluman.agent.host.MetricsSampler}: CPU,
 * memory, disk of the data dir, load, network). Both read OSHI's {@code SystemInfo}, which is slow to
 * initialise: one instance per agent, passed in. No static mutable state, so several agents can share
 * a JVM in tests.
 */
package io.cluman.agent.host;
