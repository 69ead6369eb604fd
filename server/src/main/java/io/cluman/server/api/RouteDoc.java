package io.cluman.server.api;

import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says of one route. Built by {@link Routes} as the route is registered,
 * so no route can exist undocumented.
 *
 * @param request     the body type, or null when the route takes none
 * @param response    the answer's type, or null when it has no body
 * @param listOf      whether the answer is a JSON array of {@code response}
 * @param contentType the answer's media type
 * @param query       query parameters and what each means
 */
public record RouteDoc(String method, String path, Access access, String tag, String summary, Class<?> request,
                       Class<?> response, boolean listOf, int status, String contentType,
                       Map<String, String> query, List<Integer> errors) {
}
