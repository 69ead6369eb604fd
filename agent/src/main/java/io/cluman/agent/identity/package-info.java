/**
 * The node's identity in its data dir: the id the server gave at the first join ({@code node-id}), so that a
 * restarted agent joins again as the same node, and its credentials ({@link io.cluman.agent.identity.CredentialStore}:
 * key, certificate, cluster CA, the server's agent address and the local API key), every file written
 * atomically with mode 0600.
 */
package io.cluman.agent.identity;
