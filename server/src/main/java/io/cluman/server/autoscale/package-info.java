/**
 * Autoscaling of services: a policy per service ({@code min}, {@code max}, a metric and its target), checked by
 * {@link io.cluman.server.autoscale.AutoscaleSpecs}, and the leader's {@link io.cluman.server.autoscale.Autoscaler}
 * that reads the replicas' stats history and sets the service's count. The arithmetic is pure
 * ({@link io.cluman.server.autoscale.ScaleRecommender}, {@link io.cluman.server.autoscale.ScaleDownWindow}).
 */
package io.cluman.server.autoscale;
