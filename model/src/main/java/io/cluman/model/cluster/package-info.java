/** Clusters: user groups of nodes, and the system groups {@code all} and {@code orphans}. */
package io.cluman.model.cluster;
