package io.cluman.server.api;

import io.cluman.client.tls.CaPin;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.jointokens.JoinTokens;
import io.cluman.server.pki.AgentEnrollment;
import io.cluman.server.security.Caller;
import io.cluman.server.security.Role;
import io.cluman.server.security.TokenVerifier;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may join. An agent that has a node certificate joins again over the agent port with it (no token: a
 * one-use token is spent by then), as the node the certificate names. Any other join needs a CSR and a join
 * token: a {@code CLJ1-...} token (one use counted, refused when unknown, revoked, expired or used up), or the
 * server's standing join token from {@code join.token}. The request is checked before a use is counted, so a
 * bad request never spends a token, and a join sent again with the same key (the first answer was lost) spends
 * none: it is the same join.
 */
final class JoinAdmission {
    private final TokenVerifier tokens;
    private final JoinTokens joinTokens;
    private final NodeCertificates certificates;
    private final AgentEnrollment enrollment;
    private final Predicate<String> joinedLately;

    /** @param joinedLately whether a join with this CSR's key made a node lately (a join sent again) */
    JoinAdmission(TokenVerifier tokens, JoinTokens joinTokens, NodeCertificates certificates,
                  AgentEnrollment enrollment, Predicate<String> joinedLately) {
        this.joinedLately = joinedLately;
        this.tokens = tokens;
        this.joinTokens = joinTokens;
        this.certificates = certificates;
        this.enrollment = enrollment;
    }

    /** The request as admitted: with the certificate's node id on a join over mutual TLS. */
    JoinRequest admit(Context ctx, JoinRequest request, Runnable validate) {
        if (certificates.presented(ctx).isPresent()) {
            String node = certificates.require(ctx);
            NodeCertificates.requireSame(node, request.nodeId(), "nodeId");
            validate.run();
            if (request.csr() != null) {
                enrollment.checkCsr(request.csr());
            }
            return new JoinRequest(node, request.name(), request.labels(), request.facts(), request.csr());
        }
        String token = bearer(ctx);
        boolean oneOfMany = CaPin.inJoinToken(token).isPresent();
        if (!oneOfMany) {
            Optional<Caller> caller = tokens.callerOf(token);
            if (caller.isEmpty() || caller.get().role() != Role.AGENT) {
                throw new ApiError.Unauthorized("not a join token of this server: make one with 'cluman token join"
                        + " create', or use the one in the server's data dir (join.token)");
            }
        }
        validate.run();
        if (request.csr() == null || request.csr().isBlank()) {
            throw ValidationException.of("csr", "is required with a join token: the agent's certificate request"
                    + " (PEM, EC P-256 key); the answer carries the node certificate");
        }
        enrollment.checkCsr(request.csr());
        if (oneOfMany && joinedLately.test(request.csr())) {
            joinTokens.checkRetry(token); // its use was counted by the first try, whose answer was lost
        } else if (oneOfMany) {
            joinTokens.consume(token);
        }
        return request;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ApiError.Unauthorized("send 'Authorization: Bearer <join token>' (cluman token join create),"
                    + " or join over the agent port with the node's certificate");
        }
        return header.substring(7).strip();
    }
}
