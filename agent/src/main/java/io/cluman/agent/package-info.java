/**
 * The Cluman agent, one per node: it joins the server, keeps the node's id, reports facts, metrics and
 * driver health with every heartbeat. {@link io.cluman.agent.AgentWiring} assembles one agent from an
 * {@link io.cluman.agent.AgentConfig}; the sub-packages hold one responsibility each:
 * <ul>
 *   <li>{@code identity} — the node id kept in the data dir,</li>
 *   <li>{@code host} — facts and metrics of the machine (OSHI),</li>
 *   <li>{@code driver} — the task drivers ({@code driver.process}, {@code driver.docker}), which of them the
 *       node has and whether their engines answer,</li>
 *   <li>{@code heartbeat} — the join + heartbeat loop.</li>
 * </ul>
 */
package io.cluman.agent;
