package io.cluman.model.api;

/** CPU cores and memory bytes. */
public record Resources(double cpus, long memory) {
}
