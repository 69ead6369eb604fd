/**
 * Containers: what people ask to run ({@link io.cluman.model.container.ContainerSpec}), the allocation
 * that places it on a node, and the status the node's agent reports.
 */
package io.cluman.model.container;
