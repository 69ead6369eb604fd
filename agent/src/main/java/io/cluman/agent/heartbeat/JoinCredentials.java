package io.cluman.agent.heartbeat;

import io.cluman.model.agent.JoinResponse;

/**
 * The node's credentials as the {@link HeartbeatLoop} sees them: what a join request carries and what a
 * join reply gives. Called from the loop's thread only.
 */
public interface JoinCredentials {
    /** An agent without certificates: joins and heartbeats with the join token only. */
    JoinCredentials NONE = new JoinCredentials() {
        @Override
        public String csrForJoin(String nodeId) {
            return null;
        }

        @Override
        public boolean accept(JoinResponse reply) {
            return true;
        }

        @Override
        public boolean dropAfterRejection() {
            return false;
        }

        @Override
        public boolean inUse() {
            return false;
        }
    };

    /**
     * The certificate request (PEM) for the next join, made for a new key; null when the node joins with
     * the certificate it has.
     *
     * @param nodeId the kept node id, null when there is none
     */
    String csrForJoin(String nodeId);

    /**
     * Takes the credentials of a successful join. False when the reply cannot be trusted (its CA does not
     * match the join token's pin, its certificate is not for the requested key): then nothing was kept and
     * the loop must not accept the reply either.
     */
    boolean accept(JoinResponse reply);

    /**
     * The server refused a join with 401 or 403. When the join was made with the node's certificate, the
     * node was removed and its certificate revoked: the credentials are dropped and this answers true (the
     * loop forgets the node id and joins again with the token as a new node). False otherwise.
     */
    boolean dropAfterRejection();

    /** Whether requests go over mutual TLS with the node's certificate (rather than with the join token). */
    boolean inUse();
}
