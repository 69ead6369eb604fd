package io.cluman.model.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;

/**
 * A cluster check as the store keeps it: a probe of something the cluster depends on (an HTTP endpoint, a TCP
 * port) that one agent of {@code cluster} runs every {@code interval}. The leader sets {@code node}: the node it
 * is dispatched to, null while it is dangling (no node may take it).
 *
 * @param type         {@link #HTTP} (passes on a 2xx or 3xx answer) or {@link #TCP} (passes when a connection opens)
 * @param target       the URL for http, {@code host:port} for tcp
 * @param cluster      the group whose nodes may run it ({@code all}, or a cluster)
 * @param node         the node it runs on; null while dangling
 * @param dispatchedAt when it was last dispatched; null while dangling
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(String name, String type, String target, Duration interval, Duration timeout, String cluster,
                    String node, Instant dispatchedAt, Instant createdAt, long revision) {
    public static final String HTTP = "http";
    public static final String TCP = "tcp";

    public Check withRevision(long newRevision) {
        return new Check(name, type, target, interval, timeout, cluster, node, dispatchedAt, createdAt, newRevision);
    }

    /** This check dispatched to {@code newNode} at {@code at}; a null node makes it dangling. */
    public Check dispatchedTo(String newNode, Instant at) {
        return new Check(name, type, target, interval, timeout, cluster, newNode, newNode == null ? null : at,
                createdAt, revision);
    }
}
