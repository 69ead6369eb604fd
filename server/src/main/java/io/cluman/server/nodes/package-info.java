/**
 * Nodes on the server side: joining, heartbeats held in memory, the {@code on} and {@code healthy}
 * flags (written only when they change), the liveness controller, and the views the API shows.
 */
package io.cluman.server.nodes;
