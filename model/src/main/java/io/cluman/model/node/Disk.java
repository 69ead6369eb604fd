package io.cluman.model.node;

/** One file system of a node. */
public record Disk(String mount, long totalBytes, long freeBytes) {
}
