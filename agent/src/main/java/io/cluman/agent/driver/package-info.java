/**
 * The drivers that run tasks, and which of them a node has.
 *
 * <p>{@link io.cluman.agent.driver.TaskDriver} is the SPI between the agent's task runners and a runtime:
 * start, inspect, await, stop (signal, grace, SIGKILL), destroy, recover (re-attach after an agent
 * restart) and the list of what runs unmanaged. Optional abilities are separate interfaces
 * ({@link io.cluman.agent.driver.LogSource}, {@link io.cluman.agent.driver.StatsSource},
 * {@link io.cluman.agent.driver.ExecSource}). Values cross it
 * as records ({@link io.cluman.agent.driver.TaskRequest}, {@link io.cluman.agent.driver.TaskHandle},
 * {@link io.cluman.agent.driver.TaskStatus}, ...); trouble as one unchecked
 * {@link io.cluman.agent.driver.DriverException} with a reason. The implementations live in
 * {@code driver.docker} and {@code driver.process}.
 *
 * <p>A {@link io.cluman.agent.driver.DriverProbe} checks one driver's health cheaply (every task driver is
 * one); {@link io.cluman.agent.driver.DriverSet} detects the available drivers once at start and
 * re-checks their health on every heartbeat. A detected driver stays listed even when its engine stops
 * answering: its health then says why.
 */
package io.cluman.agent.driver;
