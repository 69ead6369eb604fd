/**
 * Image registries: the {@code /v1/registries} operations, the in-memory catalog that matches image
 * references to registries, and the resolution of pull credentials (unsealed in memory only) when the
 * server serves an agent its assignments. Docker Hub ({@code docker.io}) is built in.
 */
package io.cluman.server.registries;
