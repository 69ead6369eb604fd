package io.cluman.model.node;

/**
 * One file system of a node: a fact, so only what rarely changes. Free space is a metric
 * ({@link NodeMetrics#diskFreeBytes()}), not a fact, so it never causes a store write.
 */
public record Disk(String mount, long totalBytes) {
}
