package io.cluman.server.api;

import io.cluman.model.api.CallerView;
import io.cluman.model.api.TokenCreated;
import io.cluman.model.api.TokenRequest;
import io.cluman.model.api.TokenView;
import io.cluman.server.security.Caller;
import io.cluman.server.tokens.TokenOperations;

/** {@code /v1/tokens}: API tokens with roles admin, operator, viewer; admins only, but for the caller's own. */
final class TokenHandler {
    private final TokenOperations tokens;

    TokenHandler(TokenOperations tokens) {
        this.tokens = tokens;
    }

    void register(Routes routes) {
        routes.get("/v1/tokens/current", Access.VIEWER, "tokens", "Who the calling token speaks for: name, role, expiry")
                .returns(CallerView.class).handle(ctx -> {
                    Caller caller = ApiServer.caller(ctx);
                    ctx.json(new CallerView(caller.name(), caller.role().wireName(), caller.expiresAt()));
                });
        routes.get("/v1/tokens", Access.ADMIN, "tokens", "List tokens: name, role, created, expires (never the value)")
                .returnsList(TokenView.class).handle(ctx -> ctx.json(tokens.list()));
        routes.post("/v1/tokens", Access.ADMIN, "tokens",
                        "Make a token with a role and an optional ttl; its value is shown in this answer only")
                .body(TokenRequest.class).returns(TokenCreated.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(tokens.create(ApiJson.body(ctx, TokenRequest.class))));
        routes.delete("/v1/tokens/{name}", Access.ADMIN, "tokens", "Revoke a token: it stops working at once")
                .status(204).errors(404, 409).handle(ctx -> {
                    tokens.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
    }
}
