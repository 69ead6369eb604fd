/**
 * The join + heartbeat loop: {@link io.cluman.agent.heartbeat.HeartbeatLoop} joins the server with the
 * kept node id, then heartbeats at the interval the server asks for, rejoining when the server forgot
 * the node. What a heartbeat carries comes from a {@link io.cluman.agent.heartbeat.NodeReport}.
 */
package io.cluman.agent.heartbeat;
