package io.cluman.server.api;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.LogQuery;
import io.cluman.server.agents.NodeAgents;
import io.cluman.server.containers.ContainerOperations;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code /v1/containers}: run containers on nodes, list, show (with stats from the node's agent), start,
 * stop, restart, remove, and the output of one, streamed from its node's agent.
 */
final class ContainerHandler {
    private final ContainerOperations containers;
    private final NodeAgents agents;

    ContainerHandler(ContainerOperations containers, NodeAgents agents) {
        this.containers = containers;
        this.agents = agents;
    }

    void register(Routes routes) {
        routes.get("/v1/containers", Access.VIEWER, "containers", "List containers")
                .query("node", "a node id").query("cluster", "a cluster name")
                .query("service", "a service name").query("application", "an application name")
                .returnsList(ContainerView.class).handle(this::list);
        routes.post("/v1/containers", Access.OPERATOR, "containers",
                        "Run a container on a node, or on the least-loaded eligible node of a cluster")
                .body(ContainerRequest.class).returns(ContainerView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(containers.create(ApiJson.body(ctx, ContainerRequest.class))));
        routes.get("/v1/containers/{id}", Access.VIEWER, "containers",
                        "One container with its status, and its resource use (stats) when it runs")
                .returns(ContainerView.class).errors(404)
                .handle(ctx -> ctx.json(agents.withStats(containers.get(ctx.pathParam("id")))));
        routes.get("/v1/containers/{id}/logs", Access.VIEWER, "containers",
                        "The container's output, streamed from its node's agent; with follow, until it ends")
                .query("tail", "only the last N lines (default: all)")
                .query("follow", "true: keep sending lines as they are written, until the container ends")
                .returns(String.class).contentType("text/plain").errors(404, 409, 503).handle(this::logs);
        routes.delete("/v1/containers/{id}", Access.OPERATOR, "containers", "Stop and remove a container")
                .status(204).errors(404, 409).handle(ctx -> {
                    containers.delete(ctx.pathParam("id"));
                    ctx.status(204);
                });
        routes.post("/v1/containers/{id}/start", Access.OPERATOR, "containers", "Start a stopped container")
                .returns(ContainerView.class).errors(404).handle(ctx -> ctx.json(containers.start(ctx.pathParam("id"))));
        routes.post("/v1/containers/{id}/stop", Access.OPERATOR, "containers", "Stop a container, keeping it")
                .returns(ContainerView.class).errors(404).handle(ctx -> ctx.json(containers.stop(ctx.pathParam("id"))));
        routes.post("/v1/containers/{id}/restart", Access.OPERATOR, "containers", "Restart a container")
                .returns(ContainerView.class).errors(404)
                .handle(ctx -> ctx.json(containers.restart(ctx.pathParam("id"))));
    }

    private void logs(Context ctx) {
        LogQuery query = LogQuery.parse(ctx.queryParam("tail"), ctx.queryParam("follow"));
        ContainerView container = containers.get(ctx.pathParam("id"));
        try (InputStream lines = agents.logs(container, query)) {
            ctx.res().setStatus(200);
            ctx.res().setContentType("text/plain");
            ctx.res().setCharacterEncoding("UTF-8");
            ctx.res().setHeader("Cache-Control", "no-cache");
            ctx.res().setHeader("X-Accel-Buffering", "no");
            OutputStream out = ctx.res().getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = lines.read(buffer); n >= 0; n = lines.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // the reader left, or the agent's stream broke off: the answer ends here either way
        }
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
