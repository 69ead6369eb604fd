/**
 * Cluster checks: each runs on one agent of its cluster; the leader's
 * {@link io.cluman.server.checks.CheckDispatcher} dispatches dangling checks and moves those of a node that went
 * off, unhealthy or out of service (the pure choice is {@link io.cluman.server.checks.CheckPlacement}); agents
 * fetch their checks and report results ({@link io.cluman.server.checks.CheckResults}).
 */
package io.cluman.server.checks;
