package io.cluman.server.api;

import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.server.nodes.Ids;
import io.cluman.server.nodes.NodeRegistry;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who calls over the agent port: the node named by the client certificate's CN. The TLS layer has checked
 * the chain against the cluster CA (an unknown issuer never gets here); this checks that the node still may
 * speak: a removed node's certificate is refused with 401 (its agent may join again with a join token), a
 * decommissioned node's with 403.
 */
final class NodeCertificates {
    /** Where the servlet container puts the verified client chain. */
    static final String CHAIN = "jakarta.servlet.request.X509Certificate";

    private final NodeRegistry nodes;

    NodeCertificates(NodeRegistry nodes) {
        this.nodes = nodes;
    }

    /** The node id of the client certificate, when the request came with one (over the agent port). */
    Optional<String> presented(Context ctx) {
        if (!(ctx.req().getAttribute(CHAIN) instanceof X509Certificate[] chain) || chain.length == 0) {
            return Optional.empty();
        }
        return Optional.of(SessionNodeIds.of(ctx.req().getAttribute(SessionNodeIds.SESSION), chain[0]));
    }

    /**
     * The id of the node whose certificate came with the request, once it is known and not decommissioned.
     *
     * @throws ApiError.Forbidden without a certificate, or with one that names no node or a decommissioned one
     * @throws ApiError.Unauthorized when the node was removed
     */
    String require(Context ctx) {
        String id = presented(ctx).orElseThrow(() -> new ApiError.Forbidden("the agent protocol is spoken over"
                + " mutual TLS on the server's agent port with a node certificate; an agent gets one when it"
                + " joins with a join token"));
        if (!Ids.isNodeId(id)) {
            throw new ApiError.Forbidden("certificate '" + id + "' does not name a node");
        }
        Node node = nodes.cached(id).orElseThrow(() -> new ApiError.Unauthorized(
                "node " + id + " was removed: its certificate no longer admits it; join again with a join token"));
        if (node.state() == NodeState.DECOMMISSIONED) {
            throw new ApiError.Forbidden("node " + id + " (" + node.name() + ") is decommissioned: its certificate"
                    + " is refused until an operator commissions it again");
        }
        return id;
    }

    /** The node a request acts for must be the certificate's: 403 otherwise. */
    static void requireSame(String certified, String claimed, String field) {
        if (claimed != null && !claimed.equals(certified)) {
            throw new ApiError.Forbidden(field + " '" + claimed + "' is not the node of this certificate ("
                    + certified + "): a node speaks only for itself");
        }
    }
}
