/**
 * The {@code docker} driver: each task is a container of a Docker Engine, reached over its unix
 * socket ({@code DOCKER_HOST=unix://...}, else {@code /var/run/docker.sock}) with docker-java.
 * {@link io.cluman.agent.driver.docker.DockerDriver} implements the SPI; {@code ContainerPlan} maps a
 * spec to a container (labels, limits, network, ports), {@code ImagePuller} pulls missing images with
 * registry credentials, {@code DockerLogs} and {@code DockerStats} read output and resource use.
 * Containers without Cluman's labels are listed, never touched.
 */
package io.cluman.agent.driver.docker;
