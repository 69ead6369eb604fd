/**
 * The agent's task runners: learn the node's allocations by a blocking query, converge each with its
 * driver (start, restart by policy, stop, remove), re-attach to tasks after an agent restart, remove
 * labelled tasks that are no longer allocated, and report every change of state at once.
 */
package io.cluman.agent.tasks;
