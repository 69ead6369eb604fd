/** Authentication: the bootstrap admin token, the agent join token, and checking bearer tokens. */
package io.cluman.server.security;
