/**
 * Health checks of running tasks. A {@link io.cluman.agent.health.HealthChecker} per task runs its
 * check (a command in the task through the driver's {@link io.cluman.agent.driver.ExecSource}, an HTTP
 * GET or a TCP connect on the node's loopback address) every interval on one virtual thread, so checks
 * of a task never overlap; {@code HealthTracker} is the pure state machine (starting, healthy,
 * unhealthy); {@link io.cluman.agent.health.HealthWatch} starts and stops a task runner's checker with
 * its task. An unhealthy task is reported, never restarted.
 */
package io.cluman.agent.health;
