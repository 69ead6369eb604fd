/** Nodes: their stored record, facts and metrics reported by agents, and the lifecycle state machine. */
package io.cluman.model.node;
