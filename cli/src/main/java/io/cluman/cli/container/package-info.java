/**
 * {@code cluman container ...}: run a container (a Docker image or a plain process) on a node or a
 * cluster, list, show, start, stop, restart and remove containers.
 */
package io.cluman.cli.container;
