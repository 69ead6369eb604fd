/** Cluster checks: a probe of something in the cluster run by one agent, dispatched and re-dispatched by the leader. */
package io.cluman.model.check;
