package io.cluman.agent.driver;

/**
 * Something running on a driver's engine that Cluman did not start (a container without cluman
 * labels). Listed so people can see what else uses the node; never stopped or removed by Cluman.
 *
 * @param state the engine's own word for its state ({@code running}, {@code exited}, ...)
 */
public record UnmanagedTask(String driver, String runtimeId, String name, String image, String state) {
}
