package io.cluman.model.api;

import java.util.Map;

/**
 * {@code PATCH /v1/nodes/{id}}: labels to set; a label whose value is null or empty is removed.
 */
public record NodePatch(Map<String, String> labels) {
}
