/**
 * Clusters: creating and changing user clusters, explicit membership, the system groups {@code all}
 * and {@code orphans}, and the controller that keeps selector membership true.
 */
package io.cluman.server.clusters;
