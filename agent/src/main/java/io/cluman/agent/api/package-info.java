/**
 * The agent's local API: a small HTTP server the Cluman server calls for what only the node knows now
 * (a task's output and resource use, what else runs on the engine, an image's labels). Read-only: it never
 * starts, stops or changes anything. HTTPS with the node certificate; callers need a client certificate
 * {@code CN=cluman-server} from the cluster CA and the node's local API key ({@code X-Cluman-Api-Key}).
 */
package io.cluman.agent.api;
