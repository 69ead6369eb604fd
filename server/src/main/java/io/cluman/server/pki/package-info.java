/**
 * The cluster PKI on the server: the cluster CA (made once per cluster, its key sealed in the store under
 * the master key) and the certificates it issues to nodes and servers. Transport wiring lives elsewhere;
 * the PEM and {@link javax.net.ssl.SSLContext} helpers shared with agents are in
 * {@code io.cluman.client.tls}. See docs/adr/0006-cluster-ca.md.
 */
package io.cluman.server.pki;
