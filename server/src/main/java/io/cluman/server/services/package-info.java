/**
 * Replicated services: the API's operations ({@link io.cluman.server.services.ServiceOperations}) write a
 * service's desired state; the leader's {@link io.cluman.server.services.ServiceController} keeps each
 * service at its replica count, spreading replicas over nodes and re-placing those lost with their node.
 * Its decisions are pure ({@link io.cluman.server.services.ServiceReconciler},
 * {@link io.cluman.server.services.StormGuard}, {@link io.cluman.server.services.Spread}); the controller
 * only reads the store and applies them.
 */
package io.cluman.server.services;
