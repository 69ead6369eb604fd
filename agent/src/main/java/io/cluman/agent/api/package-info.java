/**
 * The agent's local API: a small HTTP server the Cluman server calls for what only the node knows now
 * (a task's output and resource use, what else runs on the engine, an image's labels). Read-only: it never
 * starts, stops or changes anything. Callers authenticate with the join token as bearer token.
 */
package io.cluman.agent.api;
