package io.cluman.server.api;

import io.cluman.model.api.ContainerMetricsView;
import io.cluman.model.api.NodeMetricsView;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.metrics.ContainerMetricsHistory;
import io.cluman.server.metrics.NodeMetricsHistory;
import io.cluman.server.nodes.NodeRegistry;
import io.javalin.http.Context;
import java.time.InstantSource;

/**
 * {@code /v1/metrics}: the metrics history of a node ({@code nodes/{id}}) or a container
 * ({@code containers/{id}}), each series as min/avg/max per step over a {@link MetricsRange}.
 */
final class MetricsHandler {
    private final NodeRegistry nodes;
    private final NodeMetricsHistory nodeHistory;
    private final ContainerOperations containers;
    private final ContainerMetricsHistory containerHistory;
    private final InstantSource clock;

    MetricsHandler(NodeRegistry nodes, NodeMetricsHistory nodeHistory, ContainerOperations containers,
                   ContainerMetricsHistory containerHistory, InstantSource clock) {
        this.nodes = nodes;
        this.nodeHistory = nodeHistory;
        this.containers = containers;
        this.containerHistory = containerHistory;
        this.clock = clock;
    }

    void register(Routes routes) {
        MetricsRange.documented(routes.get("/v1/metrics/nodes/{id}", Access.VIEWER, "metrics",
                        "A node's metrics history: cpu, memory, disk-free, load1, net-rx, net-tx, as min/avg/max"
                                + " per step"))
                .returns(NodeMetricsView.class).errors(404).handle(this::node);
        MetricsRange.documented(routes.get("/v1/metrics/containers/{id}", Access.VIEWER, "metrics",
                        "A container's stats history (sent by its agents every 10 s): cpu, memory, memory-limit,"
                                + " net-rx, net-tx, as min/avg/max per step"))
                .returns(ContainerMetricsView.class).errors(404).handle(this::container);
    }

    private void node(Context ctx) {
        String id = ctx.pathParam("id");
        MetricsRange r = MetricsRange.of(ctx, clock.instant());
        nodes.cached(id).orElseThrow(() -> new ApiError.NotFound("node", id));
        ctx.json(new NodeMetricsView(id, r.from(), r.to(), r.step(),
                MetricsRange.views(nodeHistory.query(id, r.from(), r.to(), r.step()))));
    }

    private void container(Context ctx) {
        String id = ctx.pathParam("id");
        MetricsRange r = MetricsRange.of(ctx, clock.instant());
        containers.get(id); // 404 for an unknown container
        ctx.json(new ContainerMetricsView(id, r.from(), r.to(), r.step(),
                MetricsRange.views(containerHistory.query(id, r.from(), r.to(), r.step()))));
    }
}
