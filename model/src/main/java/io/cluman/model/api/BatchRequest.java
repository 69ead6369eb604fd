package io.cluman.model.api;

import io.cluman.model.node.NodeOperation;

/** {@code POST /v1/nodes/batch}: apply one operation to the selected nodes, {@code batchSize} at a time. */
public record BatchRequest(NodeOperation operation, NodeSelector selector, Integer batchSize) {
}
