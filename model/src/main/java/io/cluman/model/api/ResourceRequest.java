package io.cluman.model.api;

/** Limits asked for: {@code cpus} in cores, {@code memory} in bytes or as a size ({@code 512M}, {@code 1G}). */
public record ResourceRequest(Double cpus, String memory) {
}
