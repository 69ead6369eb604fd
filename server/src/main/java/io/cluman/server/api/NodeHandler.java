package io.cluman.server.api;

import io.cluman.model.api.BatchRequest;
import io.cluman.model.api.NodePatch;
import io.cluman.model.api.NodeView;
import io.cluman.model.api.UnmanagedContainer;
import io.cluman.model.job.Job;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.agents.NodeAgents;
import io.cluman.server.nodes.NodeFilter;
import io.cluman.server.nodes.NodeOperations;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.nodes.NodeViews;
import io.javalin.http.Context;
import java.util.Comparator;

/**
 * {@code /v1/nodes}: list, show, label, lifecycle operations (as jobs), batches, forget, and what else runs
 * on a node (asked of its agent).
 */
final class NodeHandler {
    private final NodeRegistry nodes;
    private final NodeOperations operations;
    private final NodeViews views;
    private final NodeAgents agents;

    NodeHandler(NodeRegistry nodes, NodeOperations operations, NodeViews views, NodeAgents agents) {
        this.nodes = nodes;
        this.operations = operations;
        this.views = views;
        this.agents = agents;
    }

    void register(Routes routes) {
        routes.get("/v1/nodes", Access.VIEWER, "nodes", "List nodes")
                .query("cluster", "a cluster name, or all / orphans").query("state", "a lifecycle state")
                .query("on", "true or false").query("label", "key=value")
                .returnsList(NodeView.class).handle(this::list);
        routes.post("/v1/nodes/batch", Access.OPERATOR, "nodes", "Apply an operation to many nodes, batchSize at a time")
                .body(BatchRequest.class).returns(Job.class).status(202).errors(404, 409, 413).handle(this::batch);
        routes.get("/v1/nodes/{id}", Access.VIEWER, "nodes", "One node").returns(NodeView.class).errors(404)
                .handle(ctx -> ctx.json(views.view(operations.find(ctx.pathParam("id")))));
        routes.get("/v1/nodes/{id}/unmanaged", Access.VIEWER, "nodes",
                        "What runs on the node's engine without Cluman's labels (read-only: Cluman never touches it)")
                .returnsList(UnmanagedContainer.class).errors(404, 503)
                .handle(ctx -> ctx.json(agents.unmanaged(ctx.pathParam("id"))));
        routes.patch("/v1/nodes/{id}", Access.OPERATOR, "nodes", "Set or remove labels (empty value removes)")
                .body(NodePatch.class).returns(NodeView.class).errors(404, 413).handle(this::patch);
        for (NodeOperation op : NodeOperation.values()) {
            routes.post("/v1/nodes/{id}/" + op.wireName(), Access.OPERATOR, "nodes",
                            "Start the " + op.wireName() + " operation on one node (a job)")
                    .returns(Job.class).status(202).errors(404, 409)
                    .handle(ctx -> ctx.status(202).json(operations.operate(ctx.pathParam("id"), op)));
        }
        routes.delete("/v1/nodes/{id}", Access.OPERATOR, "nodes", "Forget a decommissioned or off node")
                .status(204).errors(404, 409).handle(ctx -> {
                    operations.delete(ctx.pathParam("id"));
                    ctx.status(204);
                });
    }

    private void list(Context ctx) {
        NodeFilter filter = NodeFilter.parse(ctx.queryParam("cluster"), ctx.queryParam("state"),
                ctx.queryParam("on"), ctx.queryParam("label"));
        ctx.json(nodes.readAll().stream().filter(filter).sorted(Comparator.comparing(n -> n.name()))
                .map(views::view).toList());
    }

    private void batch(Context ctx) {
        ctx.status(202).json(operations.batch(ApiJson.body(ctx, BatchRequest.class)));
    }

    private void patch(Context ctx) {
        NodePatch patch = ApiJson.body(ctx, NodePatch.class);
        ctx.json(views.view(operations.patch(ctx.pathParam("id"), patch)));
    }
}
