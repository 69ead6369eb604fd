package io.cluman.server.api;

import io.cluman.model.api.ScaleRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.server.services.ServiceOperations;

/** {@code /v1/services}: replicated services — create, list, show with replicas and
 * deployments, replace (a new deployment), promote canaries, scale, remove. */
final class ServiceHandler {
    private final ServiceOperations services;

    ServiceHandler(ServiceOperations services) {
        this.services = services;
    }

    void register(Routes routes) {
        routes.get("/v1/services", Access.VIEWER, "services", "List services with desired and running counts")
                .returnsList(ServiceView.class).handle(ctx -> ctx.json(services.list()));
        routes.post("/v1/services", Access.OPERATOR, "services",
                        "Create a service: the container fields plus replicas (default 1), cluster, constraints,"
                                + " spread; the leader places its replicas")
                .body(ServiceRequest.class).returns(ServiceView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(services.create(ApiJson.body(ctx, ServiceRequest.class))));
        routes.get("/v1/services/{name}", Access.VIEWER, "services",
                        "One service: its spec, counts, and each replica's node, status, health and restarts")
                .returns(ServiceView.class).errors(404)
                .handle(ctx -> ctx.json(services.get(ctx.pathParam("name"))));
        routes.put("/v1/services/{name}", Access.OPERATOR, "services",
                        "Replace a service's spec (replicas stay when absent): a new deployment replaces the"
                                + " running replicas by its update strategy")
                .body(ServiceRequest.class).returns(ServiceView.class).errors(404, 409, 413)
                .handle(ctx -> ctx.json(services.replace(ctx.pathParam("name"),
                        ApiJson.body(ctx, ServiceRequest.class))));
        routes.post("/v1/services/{name}/promote", Access.OPERATOR, "services",
                        "Promote the running deployment's canaries: the rest of the replicas are replaced")
                .returns(ServiceView.class).errors(404, 409)
                .handle(ctx -> ctx.json(services.promote(ctx.pathParam("name"))));
        routes.delete("/v1/services/{name}", Access.OPERATOR, "services", "Remove a service and its replicas")
                .status(204).errors(404, 409).handle(ctx -> {
                    services.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
        routes.post("/v1/services/{name}/scale", Access.OPERATOR, "services", "Set a service's number of replicas")
                .body(ScaleRequest.class).returns(ServiceView.class).errors(404, 413)
                .handle(ctx -> ctx.json(services.scale(ctx.pathParam("name"), ApiJson.body(ctx, ScaleRequest.class))));
    }
}
