/**
 * Leadership: which server runs the controllers. With the embedded store the one server always leads;
 * the {@link io.cluman.server.leader.Leadership} seam lets an etcd election take its place.
 */
package io.cluman.server.leader;
