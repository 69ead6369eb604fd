package io.cluman.model.api;

/** {@code POST /v1/services/{name}/scale}: the new number of replicas, 0 to 10,000. */
public record ScaleRequest(Integer replicas) {
}
