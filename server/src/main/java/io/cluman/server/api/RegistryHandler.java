package io.cluman.server.api;

import io.cluman.model.api.RegistryRequest;
import io.cluman.model.api.RegistryView;
import io.cluman.server.registries.RegistryOperations;

/** {@code /v1/registries}: image registries and their credentials; Docker Hub is always there. */
final class RegistryHandler {
    private final RegistryOperations registries;

    RegistryHandler(RegistryOperations registries) {
        this.registries = registries;
    }

    void register(Routes routes) {
        routes.get("/v1/registries", Access.VIEWER, "registries", "List registries, Docker Hub (docker.io) first")
                .returnsList(RegistryView.class).handle(ctx -> ctx.json(registries.list()));
        routes.post("/v1/registries", Access.ADMIN, "registries",
                        "Add a registry, or Docker Hub's credentials (name docker.io); the password is sealed and"
                                + " never shown again")
                .body(RegistryRequest.class).returns(RegistryView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(registries.create(ApiJson.body(ctx, RegistryRequest.class))));
        routes.get("/v1/registries/{name}", Access.VIEWER, "registries", "One registry (username, hasPassword)")
                .returns(RegistryView.class).errors(404)
                .handle(ctx -> ctx.json(registries.get(ctx.pathParam("name"))));
        routes.delete("/v1/registries/{name}", Access.ADMIN, "registries",
                        "Remove a registry; for docker.io, forget its credentials (Docker Hub itself stays)")
                .status(204).errors(404, 409).handle(ctx -> {
                    registries.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
    }
}
