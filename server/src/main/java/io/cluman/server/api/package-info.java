/**
 * The HTTP API: the Javalin server, the route table that also writes the OpenAPI document,
 * authentication, problem+json errors, and one handler class per resource.
 */
package io.cluman.server.api;
