/**
 * The server's calls to agents' local APIs (logs, stats, unmanaged objects): the one place the server
 * asks a node something instead of reading what the node reported. Read-only; nothing here writes the store.
 */
package io.cluman.server.agents;
