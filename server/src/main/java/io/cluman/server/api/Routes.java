package io.cluman.server.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Registers routes on Javalin and keeps their documentation. Every route goes through
 * {@link Route#handle(Handler)}, which adds the handler and its {@link RouteDoc} together.
 *
 * <pre>{@code
 * routes.get("/v1/nodes/{id}", Access.VIEWER, "nodes", "One node").returns(NodeView.class).handle(nodes::get);
 * }</pre>
 */
public final class Routes {
    private final Javalin app;
    private final List<RouteDoc> docs = new ArrayList<>();

    public Routes(Javalin app) {
        this.app = app;
    }

    public List<RouteDoc> docs() {
        return List.copyOf(docs);
    }

    /** The methods (upper case) of the documented routes whose path pattern matches {@code path}. */
    public List<String> methodsOf(String path) {
        return docs.stream().filter(d -> pattern(d.path()).matcher(path).matches())
                .map(d -> d.method().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** A Javalin path ({@code /v1/nodes/{id}}, {@code /x/<rest>}) as a regular expression. */
    private static Pattern pattern(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=[{<])|(?<=[}>])")) {
            if (part.startsWith("{")) {
                regex.append("[^/]+");
            } else if (part.startsWith("<")) {
                regex.append(".+");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(regex + "/?");
    }

    public Route get(String path, Access access, String tag, String summary) {
        return new Route(HandlerType.GET, path, access, tag, summary);
    }

    public Route post(String path, Access access, String tag, String summary) {
        return new Route(HandlerType.POST, path, access, tag, summary);
    }

    public Route put(String path, Access access, String tag, String summary) {
        return new Route(HandlerType.PUT, path, access, tag, summary);
    }

    public Route patch(String path, Access access, String tag, String summary) {
        return new Route(HandlerType.PATCH, path, access, tag, summary);
    }

    public Route delete(String path, Access access, String tag, String summary) {
        return new Route(HandlerType.DELETE, path, access, tag, summary);
    }

    /** One route being described; {@link #handle(Handler)} registers it. */
    public final class Route {
        private final HandlerType method;
        private final String path;
        private final Access access;
        private final String tag;
        private final String summary;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final List<Integer> errors = new ArrayList<>();
        private Class<?> request;
        private Class<?> response;
        private boolean listOf;
        private int status = 200;
        private String contentType = "application/json";

        private Route(HandlerType method, String path, Access access, String tag, String summary) {
            this.method = method;
            this.path = path;
            this.access = access;
            this.tag = tag;
            this.summary = summary;
        }

        public Route body(Class<?> type) {
            this.request = type;
            return this;
        }

        public Route returns(Class<?> type) {
            this.response = type;
            return this;
        }

        public Route returnsList(Class<?> type) {
            this.response = type;
            this.listOf = true;
            return this;
        }

        public Route status(int code) {
            this.status = code;
            return this;
        }

        public Route contentType(String type) {
            this.contentType = type;
            return this;
        }

        public Route query(String name, String meaning) {
            query.put(name, meaning);
            return this;
        }

        /** HTTP errors the route answers beyond 400/401 (404, 409, ...). */
        public Route errors(Integer... codes) {
            errors.addAll(List.of(codes));
            return this;
        }

        public void handle(Handler handler) {
            docs.add(new RouteDoc(method.name().toLowerCase(Locale.ROOT), path, access, tag, summary, request,
                    response, listOf, status, contentType, Map.copyOf(query), List.copyOf(errors)));
            app.addHttpHandler(method, path, handler, access);
        }
    }
}
