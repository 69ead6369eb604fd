/**
 * TLS of the API port: where its key and certificate come from ({@link io.cluman.server.tls.ApiTls}) and
 * reading them from PEM files with the JDK alone ({@link io.cluman.server.tls.PemKeyStore}).
 */
package io.cluman.server.tls;
