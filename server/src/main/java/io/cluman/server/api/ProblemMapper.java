package io.cluman.server.api;

import io.cluman.model.api.Problem;
import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import io.cluman.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns failures into {@code application/problem+json} answers. */
final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    /** Maps every failure of {@code app}; {@code routes} tells a wrong method (405) from an unknown path (404). */
    static void install(Javalin app, Routes routes) {
        app.exception(ApiError.TooManyRequests.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            send(ctx, e.status(), e.title(), e.getMessage(), e.errors());
        });
        app.exception(ApiError.class, (e, ctx) -> send(ctx, e.status(), e.title(), e.getMessage(), e.errors()));
        app.exception(ValidationException.class, (e, ctx) ->
                send(ctx, 400, "Invalid input", "fix the fields listed in errors", e.errors()));
        app.exception(StoreException.Conflict.class, (e, ctx) ->
                send(ctx, 409, "Conflict", e.getMessage() + " (changed concurrently: read it again and retry)",
                        List.of()));
        app.exception(StoreException.NotFound.class, (e, ctx) -> send(ctx, 404, "Not found", e.getMessage(), List.of()));
        app.exception(StoreException.Unavailable.class, (e, ctx) ->
                send(ctx, 503, "Store unavailable", "the state store does not answer: " + e.getMessage(), List.of()));
        app.exception(HttpResponseException.class, (e, ctx) -> sendHttp(ctx, routes, e.getStatus(), e.getMessage()));
        // the log keeps the exception; the answer never names Java classes nor shows a stack trace
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, "Internal error", "the server failed to answer " + ctx.method() + " " + ctx.path()
                    + "; its log has the details", List.of());
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) {
                noRoute(ctx);
            }
        });
        app.error(405, ctx -> methodNotAllowed(ctx, routes));
    }

    private static void noRoute(Context ctx) {
        send(ctx, 404, "Not found", "no route " + ctx.method() + " " + ctx.path()
                + ": see /openapi.json for the routes", List.of());
    }

    /** 405 with the methods the path does serve, in the detail and the {@code Allow} header. */
    private static void methodNotAllowed(Context ctx, Routes routes) {
        List<String> allowed = routes.methodsOf(ctx.path());
        ctx.header("Allow", String.join(", ", allowed));
        send(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path() + "; allowed: "
                + String.join(", ", allowed) + " (see /openapi.json)", List.of());
    }

    private static void sendHttp(Context ctx, Routes routes, int status, String message) {
        if (status == 404) {
            noRoute(ctx);
        } else if (status == 405) {
            methodNotAllowed(ctx, routes);
        } else if (status == 413) {
            send(ctx, 413, "Payload too large", "the body is larger than 1 MiB; send less",
                    List.of(new FieldError("body", "at most 1 MiB")));
        } else {
            send(ctx, status, "HTTP " + status, message, List.of());
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    static void send(Context ctx, int status, String title, String detail, List<FieldError> errors) {
        Problem problem = new Problem(null, title, status, detail, errors);
        try {
            ctx.status(status).contentType("application/problem+json").result(ApiJson.MAPPER.writeValueAsBytes(problem));
        } catch (Exception e) {
            ctx.status(status).result(title);
        }
    }
}
