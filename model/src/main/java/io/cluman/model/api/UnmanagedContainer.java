package io.cluman.model.api;

/**
 * Something running on a node's engine that Cluman did not start (no Cluman labels). Listed read-only,
 * so people see what else uses the node; Cluman never stops or removes it.
 *
 * @param driver    the driver whose engine runs it ({@code docker})
 * @param runtimeId the engine's id for it
 * @param state     the engine's own word for its state ({@code running}, {@code exited}, ...)
 */
public record UnmanagedContainer(String driver, String runtimeId, String name, String image, String state) {
}
