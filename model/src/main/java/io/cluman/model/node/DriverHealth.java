package io.cluman.model.node;

/** Whether one driver's engine answers on a node, and why not. */
public record DriverHealth(boolean healthy, String detail) {
    public DriverHealth {
        detail = detail == null ? "" : detail;
    }
}
