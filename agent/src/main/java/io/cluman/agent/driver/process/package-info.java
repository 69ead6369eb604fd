/**
 * The {@code process} driver: each task is a command run as a detached process of the agent's host,
 * with its state, exit code and logs in {@code <data>/tasks/<allocId>/}. Tasks outlive the agent; a
 * new agent re-attaches to them by pid and process start time.
 * {@link io.cluman.agent.driver.process.ProcessDriver} implements the SPI; {@code TaskLauncher} starts a
 * task under a wrapper shell that records its exit code, {@code TaskProcesses} finds and signals its
 * processes, {@code CgroupLimits} applies memory and CPU limits where cgroups are writable,
 * {@code LogFiles} and {@code ProcessLogs} rotate and read the output.
 */
package io.cluman.agent.driver.process;
