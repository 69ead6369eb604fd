package io.cluman.server.api;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, agents (join token) and admins, or admins (API token). */
public enum Access implements RouteRole {
    PUBLIC, AGENT, ADMIN
}
