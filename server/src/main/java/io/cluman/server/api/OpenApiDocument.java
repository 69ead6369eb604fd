package io.cluman.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cluman.model.api.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the OpenAPI 3.1 document of the routes registered through {@link Routes}. */
final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {
    }

    static ObjectNode build(List<RouteDoc> routes, String version) {
        ObjectNode root = ApiJson.MAPPER.createObjectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info").put("title", "Cluman API").put("version", version)
                .put("description", "Cluster manager: nodes, clusters, jobs, events. Errors are "
                        + "application/problem+json with the fields at fault.");
        SchemaWriter schemas = new SchemaWriter(root.putObject("components").putObject("schemas"));
        schemas.ref(Problem.class);
        ObjectNode security = ((ObjectNode) root.get("components")).putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode paths = root.putObject("paths");
        for (RouteDoc route : routes) {
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path())
                    : paths.putObject(route.path());
            item.set(route.method(), operation(route, schemas));
        }
        return root;
    }

    private static ObjectNode operation(RouteDoc route, SchemaWriter schemas) {
        ObjectNode op = ApiJson.MAPPER.createObjectNode();
        op.put("summary", route.summary());
        op.putArray("tags").add(route.tag());
        op.put("operationId", route.method() + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
        if (route.access() != Access.PUBLIC) {
            op.putArray("security").addObject().putArray("bearer");
        }
        ArrayNode params = op.putArray("parameters");
        Matcher m = PATH_PARAM.matcher(route.path());
        while (m.find()) {
            params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        route.query().forEach((name, meaning) -> params.addObject().put("name", name).put("in", "query")
                .put("description", meaning).putObject("schema").put("type", "string"));
        if (route.request() != null) {
            op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").set("schema", schemas.ref(route.request()));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(route.status())).put("description", "success");
        if (route.response() != null) {
            ObjectNode schema = route.listOf()
                    ? arrayOf(schemas.ref(route.response())) : schemas.ref(route.response());
            ok.putObject("content").putObject(route.contentType()).set("schema", schema);
        }
        problem(responses, 400, "bad input: the fields at fault are listed", schemas);
        if (route.access() != Access.PUBLIC) {
            problem(responses, 401, "no token, or an unknown one", schemas);
        }
        for (int code : route.errors()) {
            problem(responses, code, switch (code) {
                case 404 -> "no such object";
                case 409 -> "clashes with the current state";
                case 413 -> "body over 1 MiB";
                case 503 -> "the node or its agent cannot answer now";
                default -> "error";
            }, schemas);
        }
        return op;
    }

    private static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode array = ApiJson.MAPPER.createObjectNode().put("type", "array");
        array.set("items", items);
        return array;
    }

    private static void problem(ObjectNode responses, int code, String description, SchemaWriter schemas) {
        responses.putObject(Integer.toString(code)).put("description", description).putObject("content")
                .putObject("application/problem+json").set("schema", schemas.ref(Problem.class));
    }
}
