package io.cluman.server.security;

/** What a token may do. {@code AGENT} is the join token: the agent protocol only. */
public enum Role {
    ADMIN, AGENT
}
