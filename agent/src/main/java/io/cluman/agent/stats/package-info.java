/**
 * Container stats history, agent side: every 10 s (by default) a {@link io.cluman.agent.stats.StatsLoop}
 * has the {@link io.cluman.agent.stats.StatsSampler} sample each running task through its driver, at once and
 * within a deadline, and sends the samples to the server in one {@code POST /v1/agent/stats}. Nothing is
 * retried: a lost round is a gap in the history.
 */
package io.cluman.agent.stats;
