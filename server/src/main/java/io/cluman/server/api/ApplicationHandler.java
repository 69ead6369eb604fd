package io.cluman.server.api;

import io.cluman.model.api.ApplicationRequest;
import io.cluman.model.api.ApplicationView;
import io.cluman.server.applications.ApplicationOperations;
import io.javalin.http.HttpResponseException;

/** {@code /v1/applications}: compose applications — deploy, list, show, stop, start, remove. */
final class ApplicationHandler {
    private final ApplicationOperations applications;

    ApplicationHandler(ApplicationOperations applications) {
        this.applications = applications;
    }

    void register(Routes routes) {
        routes.get("/v1/applications", Access.VIEWER, "applications", "List applications with their state and services")
                .returnsList(ApplicationView.class).handle(ctx -> ctx.json(applications.list()));
        routes.post("/v1/applications", Access.OPERATOR, "applications",
                        "Deploy a compose file: checks every service, then creates them (<app>-<service>); the"
                                + " leader starts each once its depends_on conditions are met")
                .body(ApplicationRequest.class).returns(ApplicationView.class).status(201).errors(409, 413)
                .handle(ctx -> ctx.status(201).json(applications.deploy(body(ctx))));
        routes.get("/v1/applications/{name}", Access.VIEWER, "applications",
                        "One application: state, services with their replicas, warnings, and the compose source")
                .returns(ApplicationView.class).errors(404)
                .handle(ctx -> ctx.json(applications.get(ctx.pathParam("name"))));
        routes.post("/v1/applications/{name}/stop", Access.OPERATOR, "applications",
                        "Stop an application: scale every service to 0, remembering their replicas")
                .returns(ApplicationView.class).errors(404)
                .handle(ctx -> ctx.json(applications.stop(ctx.pathParam("name"))));
        routes.post("/v1/applications/{name}/start", Access.OPERATOR, "applications",
                        "Start a stopped (or failed) application: its services again, in dependency order")
                .returns(ApplicationView.class).errors(404)
                .handle(ctx -> ctx.json(applications.start(ctx.pathParam("name"))));
        routes.delete("/v1/applications/{name}", Access.OPERATOR, "applications",
                        "Remove an application with its services and their containers")
                .status(204).errors(404, 409).handle(ctx -> {
                    applications.delete(ctx.pathParam("name"));
                    ctx.status(204);
                });
    }

    /** The request, with a 413 that says what to shrink. */
    private static ApplicationRequest body(io.javalin.http.Context ctx) {
        try {
            return ApiJson.body(ctx, ApplicationRequest.class);
        } catch (HttpResponseException tooLarge) {
            if (tooLarge.getStatus() == 413) {
                throw new ApiError.PayloadTooLarge("the request is larger than 1 MiB: the compose file, its"
                        + " variables and env files together must fit in 1 MiB", "compose");
            }
            throw tooLarge;
        }
    }
}
