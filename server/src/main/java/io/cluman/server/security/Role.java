package io.cluman.server.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do. {@code VIEWER} reads, {@code OPERATOR} also runs workloads and node operations,
 * {@code ADMIN} does everything (tokens, registries' secrets). {@code AGENT} is the join token: the agent
 * protocol only, outside the ranking.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN, AGENT;

    /** Whether this role ranks at least {@code needed} among viewer, operator, admin. */
    public boolean atLeast(Role needed) {
        return this != AGENT && needed != AGENT && ordinal() >= needed.ordinal();
    }

    /** The wire name: {@code admin}, {@code operator}, {@code viewer}, {@code agent}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} (any case), or empty. */
    public static Optional<Role> parse(String text) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
