package io.cluman.server.api;

import io.cluman.server.security.Role;
import io.javalin.security.RouteRole;

/**
 * Who may call a route: anyone; an agent joining (its handler checks the join token or node certificate);
 * agents (a node certificate over the agent port's mutual TLS); or a token whose role ranks at least the
 * route's level: {@code VIEWER} for reads, {@code OPERATOR} for workload and node mutations,
 * {@code ADMIN} for tokens and registries' secrets.
 */
public enum Access implements RouteRole {
    PUBLIC(null), JOIN(null), AGENT(Role.AGENT), VIEWER(Role.VIEWER), OPERATOR(Role.OPERATOR), ADMIN(Role.ADMIN);

    private final Role needs;

    Access(Role needs) {
        this.needs = needs;
    }

    /** The least role that may call a route of this level; null for PUBLIC. */
    public Role needs() {
        return needs;
    }
}
