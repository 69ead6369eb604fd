package io.cluman.agent.heartbeat;

import io.cluman.client.ApiException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How {@link HeartbeatLoop} words the server's refusals in its log (under the loop's logger name). */
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLoop.class);

    private RefusalLog() {
    }

    /** A join was refused; {@code withCertificate}: it was made with the node's certificate, not a token. */
    static void joinRefused(URI server, ApiException e, Duration wait, boolean withCertificate) {
        if ((e.status() == 401 || e.status() == 403) && withCertificate) {
            LOG.error("the server at {} refused the node's certificate ({}); retrying in {}", server, e.getMessage(),
                    HeartbeatLoop.text(wait));
        } else if (e.status() == 401 || e.status() == 403) {
            LOG.error("the server at {} rejected the join token ({}): check --token; retrying in {}", server,
                    e.getMessage(), HeartbeatLoop.text(wait));
        } else if (e.status() >= 500 || e.status() == 429) {
            LOG.warn("cannot join {}: {}; retrying in {}", server, e.getMessage(), HeartbeatLoop.text(wait));
        } else {
            LOG.error("the server at {} refused the join: {}; retrying in {}", server, e.getMessage(),
                    HeartbeatLoop.text(wait));
        }
    }

    /** A heartbeat was refused; the next try comes after {@code wait}. */
    static void beatRefused(URI server, ApiException e, Duration wait) {
        if (e.status() == 401 || e.status() == 403) {
            LOG.error("the server at {} rejected the agent's credentials ({}); retrying in {}", server,
                    e.getMessage(), HeartbeatLoop.text(wait));
        } else {
            LOG.warn("heartbeat to {} failed: {}; next try in {}", server, e.getMessage(), HeartbeatLoop.text(wait));
        }
    }
}
