package io.cluman.server.api;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.server.containers.ContainerOperations;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.Predicate;

/** {@code /v1/containers}: run containers on nodes, list, show, start, stop, restart, remove. */
final class ContainerHandler {
    private final ContainerOperations containers;

    ContainerHandler(ContainerOperations containers) {
        this.containers = containers;
    }

    void register(Routes routes) {
        routes.get("/v1/containers", Access.ADMIN, "containers", "List containers")
                .query("node", "a node id").query("cluster", "a cluster name")
                .query("service", "a service name").query("application", "an application name")
                .returnsList(ContainerView.class).handle(this::list);
        routes.post("/v1/containers", Access.ADMIN, "containers",
                        "Run a container on a node, or on the least-loaded eligible node of a cluster")
                .body(ContainerRequest.class).returns(ContainerView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(containers.create(ApiJson.body(ctx, ContainerRequest.class))));
        routes.get("/v1/containers/{id}", Access.ADMIN, "containers", "One container with its status")
                .returns(ContainerView.class).errors(404)
                .handle(ctx -> ctx.json(containers.get(ctx.pathParam("id"))));
        routes.delete("/v1/containers/{id}", Access.ADMIN, "containers", "Stop and remove a container")
                .status(204).errors(404, 409).handle(ctx -> {
                    containers.delete(ctx.pathParam("id"));
                    ctx.status(204);
                });
        routes.post("/v1/containers/{id}/start", Access.ADMIN, "containers", "Start a stopped container")
                .returns(ContainerView.class).errors(404).handle(ctx -> ctx.json(containers.start(ctx.pathParam("id"))));
        routes.post("/v1/containers/{id}/stop", Access.ADMIN, "containers", "Stop a container, keeping it")
                .returns(ContainerView.class).errors(404).handle(ctx -> ctx.json(containers.stop(ctx.pathParam("id"))));
        routes.post("/v1/containers/{id}/restart", Access.ADMIN, "containers", "Restart a container")
                .returns(ContainerView.class).errors(404)
                .handle(ctx -> ctx.json(containers.restart(ctx.pathParam("id"))));
    }

    private void list(Context ctx) {
        String node = ctx.queryParam("node");
        String cluster = ctx.queryParam("cluster");
        String service = ctx.queryParam("service");
        String application = ctx.queryParam("application");
        Predicate<ContainerView> filter = c -> (node == null || node.equals(c.node()))
                && (cluster == null || cluster.equals(c.cluster()))
                && (service == null || service.equals(c.service()))
                && (application == null || Objects.equals(application, c.application()));
        ctx.json(containers.list(filter));
    }
}
