package io.cluman.server.api;

import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ClusterView;
import io.cluman.server.clusters.ClusterOperations;

/** {@code /v1/clusters}: the system groups and user clusters, and their membership. */
final class ClusterHandler {
    private final ClusterOperations clusters;

    ClusterHandler(ClusterOperations clusters) {
        this.clusters = clusters;
    }

    void register(Routes routes) {
        routes.get("/v1/clusters", Access.VIEWER, "clusters", "List clusters, the system groups all and orphans included")
                .returnsList(ClusterView.class).handle(ctx -> ctx.json(clusters.list()));
        routes.post("/v1/clusters", Access.OPERATOR, "clusters", "Create a cluster (explicit members, or a label selector)")
                .body(ClusterRequest.class).returns(ClusterView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(clusters.create(ApiJson.body(ctx, ClusterRequest.class))));
        routes.get("/v1/clusters/{name}", Access.VIEWER, "clusters", "One cluster with its members")
                .returns(ClusterView.class).errors(404)
                .handle(ctx -> ctx.json(clusters.get(ctx.pathParam("name"))));
        routes.patch("/v1/clusters/{name}", Access.OPERATOR, "clusters", "Change description, features or selector")
                .body(ClusterRequest.class).returns(ClusterView.class).errors(404, 409, 413)
                .handle(ctx -> ctx.json(clusters.patch(ctx.pathParam("name"), ApiJson.body(ctx, ClusterRequest.class))));
        routes.delete("/v1/clusters/{name}", Access.OPERATOR, "clusters", "Delete a cluster; its nodes become orphans")
                .status(204).errors(404, 409).handle(ctx -> {
                    clusters.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
        routes.put("/v1/clusters/{name}/nodes/{nodeId}", Access.OPERATOR, "clusters", "Add a node to a cluster")
                .returns(ClusterView.class).errors(404, 409)
                .handle(ctx -> ctx.json(clusters.addNode(ctx.pathParam("name"), ctx.pathParam("nodeId"))));
        routes.delete("/v1/clusters/{name}/nodes/{nodeId}", Access.OPERATOR, "clusters", "Remove a node from a cluster")
                .returns(ClusterView.class).errors(404, 409)
                .handle(ctx -> ctx.json(clusters.removeNode(ctx.pathParam("name"), ctx.pathParam("nodeId"))));
    }
}
