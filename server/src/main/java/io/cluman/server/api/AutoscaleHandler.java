package io.cluman.server.api;

import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.AutoscaleView;
import io.cluman.server.autoscale.AutoscaleOperations;

/** {@code /v1/services/{name}/autoscale} and {@code /v1/autoscalers}: services' autoscale policies. */
final class AutoscaleHandler {
    private final AutoscaleOperations autoscalers;

    AutoscaleHandler(AutoscaleOperations autoscalers) {
        this.autoscalers = autoscalers;
    }

    void register(Routes routes) {
        routes.get("/v1/autoscalers", Access.VIEWER, "services",
                        "Every autoscale policy with what the autoscaler last made of it")
                .returnsList(AutoscaleView.class).handle(ctx -> ctx.json(autoscalers.list()));
        routes.get("/v1/services/{name}/autoscale", Access.VIEWER, "services",
                        "A service's autoscale policy, its load at the last evaluation and what it decided")
                .returns(AutoscaleView.class).errors(404)
                .handle(ctx -> ctx.json(autoscalers.get(ctx.pathParam("name"))));
        routes.put("/v1/services/{name}/autoscale", Access.OPERATOR, "services",
                        "Autoscale a service: keep it between min and max replicas so that its replicas' average"
                                + " cpu or memory (% of their limits), or requests (connections open to their"
                                + " published ports), stays near target")
                .body(AutoscaleRequest.class).returns(AutoscaleView.class).errors(404, 409, 413)
                .handle(ctx -> ctx.json(autoscalers.put(ctx.pathParam("name"),
                        ApiJson.body(ctx, AutoscaleRequest.class))));
        routes.delete("/v1/services/{name}/autoscale", Access.OPERATOR, "services",
                        "Stop autoscaling a service; its count stays where it is")
                .status(204).errors(404).handle(ctx -> {
                    autoscalers.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
    }
}
