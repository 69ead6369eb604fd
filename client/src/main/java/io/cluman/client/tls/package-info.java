/**
 * The pure pieces of the cluster PKI that server and agent share: PEM text, EC P-256 keys, certificate
 * signing requests, the CA pin of join tokens and {@link javax.net.ssl.SSLContext}s for mutual TLS. No
 * store, no network: the server's CA lives in {@code io.cluman.server.pki} (docs/adr/0006-cluster-ca.md).
 */
package io.cluman.client.tls;
