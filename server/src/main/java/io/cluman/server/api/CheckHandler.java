package io.cluman.server.api;

import io.cluman.model.agent.CheckReport;
import io.cluman.model.api.CheckDispatchView;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.CheckView;
import io.cluman.model.check.Check;
import io.cluman.model.validation.Validator;
import io.cluman.server.checks.CheckOperations;
import io.cluman.server.nodes.NodeRegistry;

/**
 * {@code /v1/checks}: cluster checks and where each runs; and the agents' side: {@code GET /v1/agent/checks} (the
 * checks dispatched to the node) and {@code POST /v1/agent/check-results}.
 */
final class CheckHandler {
    private final CheckOperations checks;
    private final NodeRegistry nodes;

    CheckHandler(CheckOperations checks, NodeRegistry nodes) {
        this.checks = checks;
        this.nodes = nodes;
    }

    void register(Routes routes) {
        routes.get("/v1/checks", Access.VIEWER, "checks", "List cluster checks with where each runs and its last"
                        + " result").returnsList(CheckView.class).handle(ctx -> ctx.json(checks.list()));
        routes.post("/v1/checks", Access.OPERATOR, "checks", "Create a cluster check (http or tcp) run by one node of"
                        + " its cluster; the leader dispatches it, and again when that node goes off")
                .body(CheckRequest.class).returns(CheckView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(checks.create(ApiJson.body(ctx, CheckRequest.class))));
        routes.get("/v1/checks/dispatch", Access.VIEWER, "checks",
                        "Where each check runs (node → checks) and which are dangling")
                .returns(CheckDispatchView.class).handle(ctx -> ctx.json(checks.dispatch()));
        routes.get("/v1/checks/{name}", Access.VIEWER, "checks", "One check with its node and last result")
                .returns(CheckView.class).errors(404).handle(ctx -> ctx.json(checks.get(ctx.pathParam("name"))));
        routes.delete("/v1/checks/{name}", Access.OPERATOR, "checks", "Remove a check; its agent stops running it")
                .status(204).errors(404, 409).handle(ctx -> {
                    checks.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
        routes.get("/v1/agent/checks", Access.AGENT, "agent", "The checks dispatched to a node: what its agent runs")
                .query("node", "the node id").returnsList(Check.class).errors(403, 404).handle(ctx -> {
                    String node = ctx.queryParam("node");
                    new Validator().required("node", node).throwIfInvalid();
                    NodeCertificates.requireSame(ctx.attribute(ApiServer.NODE), node, "node");
                    nodes.cached(node).orElseThrow(() -> new ApiError.NotFound("node", node));
                    ctx.json(checks.forNode(node));
                });
        routes.post("/v1/agent/check-results", Access.AGENT, "agent", "An agent's runs of its checks; results of"
                        + " checks not dispatched to the node are ignored")
                .body(CheckReport.class).status(204).errors(403, 413).handle(ctx -> {
                    CheckReport report = ApiJson.body(ctx, CheckReport.class);
                    NodeCertificates.requireSame(ctx.attribute(ApiServer.NODE), report.nodeId(), "nodeId");
                    checks.receive(report);
                    ctx.status(204);
                });
    }
}
