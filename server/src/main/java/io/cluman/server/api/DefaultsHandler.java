package io.cluman.server.api;

import io.cluman.server.containers.DefaultsQuery;
import io.cluman.server.options.DefaultsReport;

/**
 * {@code GET /v1/containers/defaults}: the options a container of an image gets in a cluster before its
 * request, with where each comes from. Registered before {@code /v1/containers/{id}} so it is not taken for
 * a container called {@code defaults}.
 */
final class DefaultsHandler {
    private final DefaultsQuery query;

    DefaultsHandler(DefaultsQuery query) {
        this.query = query;
    }

    void register(Routes routes) {
        routes.get("/v1/containers/defaults", Access.VIEWER, "containers",
                        "Merged container options (image labels, config repository) for an image in a cluster")
                .query("image", "the image reference (required)").query("cluster", "a cluster; default all")
                .returns(DefaultsReport.class).errors(400)
                .handle(ctx -> ctx.json(query.report(ctx.queryParam("cluster"), ctx.queryParam("image"))));
    }
}
