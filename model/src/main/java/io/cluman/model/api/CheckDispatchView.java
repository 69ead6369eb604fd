package io.cluman.model.api;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/checks/dispatch}: where each check runs.
 *
 * @param nodes    node id → the names of the checks dispatched to it
 * @param dangling checks no node of their cluster may run now; dispatched as soon as one may
 */
public record CheckDispatchView(Map<String, List<String>> nodes, List<String> dangling) {
}
