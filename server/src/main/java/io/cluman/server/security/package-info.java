/**
 * Authentication (the bootstrap admin token, the agent join token, checking bearer tokens) and the
 * server's secret key, which seals secrets such as registry passwords before they are stored.
 */
package io.cluman.server.security;
