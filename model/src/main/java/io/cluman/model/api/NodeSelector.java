package io.cluman.model.api;

import java.util.List;
import java.util.Map;

/** Which nodes a batch applies to: by ids, by cluster, by labels, or all ({@code all: true}). */
public record NodeSelector(List<String> ids, String cluster, Map<String, String> labels, Boolean all) {
}
