/**
 * Cluster checks on the agent: {@link io.cluman.agent.checks.CheckLoop} fetches the checks the leader dispatched
 * to this node, runs each at its interval with the health probes, and reports the results.
 */
package io.cluman.agent.checks;
