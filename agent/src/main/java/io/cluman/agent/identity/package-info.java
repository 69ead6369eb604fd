/**
 * The node's identity: the id the server gave at the first join, kept in {@code <dataDir>/node-id} so
 * that a restarted agent joins again as the same node.
 */
package io.cluman.agent.identity;
