/**
 * The agent's side of the cluster PKI: {@link io.cluman.agent.tls.NodeTls} decides where each request to the
 * server goes (the join address with the join token until the node has a certificate, the server's
 * mutual-TLS agent port with the certificate after), checks the CA the server sends against the join token's
 * pin, keeps the credentials in the data dir; {@link io.cluman.agent.tls.CertificateRenewal} renews the
 * certificate before it expires, without a restart.
 */
package io.cluman.agent.tls;
