/** The Java client of Cluman's REST API, used by the CLI, the agent and the benchmarks. */
package io.cluman.client;
