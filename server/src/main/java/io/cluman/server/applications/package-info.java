/**
 * Compose applications: {@link io.cluman.server.applications.ApplicationOperations} checks a compose file
 * and writes its services (held at 0 replicas) and the application; the leader's
 * {@link io.cluman.server.applications.ApplicationController} releases each service once what it
 * {@code depends_on} is started, healthy or completed.
 */
package io.cluman.server.applications;
