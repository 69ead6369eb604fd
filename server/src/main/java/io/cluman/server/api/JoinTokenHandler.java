package io.cluman.server.api;

import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.api.JoinTokenView;
import io.cluman.server.jointokens.JoinTokens;

/**
 * {@code /v1/tokens/join}: join tokens for new nodes; admins only. These paths do not clash with
 * {@code DELETE /v1/tokens/{name}}: they have a segment more, and no API token can be named {@code join}
 * (the bootstrap agent token holds that name), so {@code DELETE /v1/tokens/join} keeps meaning that
 * bootstrap token and is refused with 409.
 */
final class JoinTokenHandler {
    private final JoinTokens tokens;

    JoinTokenHandler(JoinTokens tokens) {
        this.tokens = tokens;
    }

    void register(Routes routes) {
        routes.get("/v1/tokens/join", Access.ADMIN, "tokens",
                        "List join tokens: id, description, created, expires, uses, state (never the value)")
                .returnsList(JoinTokenView.class).handle(ctx -> ctx.json(tokens.list()));
        routes.post("/v1/tokens/join", Access.ADMIN, "tokens",
                        "Make a join token with an optional ttl and number of uses; its value is shown in this answer"
                                + " only")
                .body(JoinTokenRequest.class).returns(JoinTokenCreated.class).status(201).errors(413)
                .handle(ctx -> ctx.status(201).json(tokens.create(ApiJson.body(ctx, JoinTokenRequest.class))));
        routes.delete("/v1/tokens/join/{id}", Access.ADMIN, "tokens", "Revoke a join token: joins with it are refused")
                .status(204).errors(404).handle(ctx -> {
                    tokens.revoke(ctx.pathParam("id"));
                    ctx.status(204);
                });
    }
}
