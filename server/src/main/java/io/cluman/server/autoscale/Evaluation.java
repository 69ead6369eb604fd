package io.cluman.server.autoscale;

import java.time.Instant;

/**
 * What the autoscaler last made of one policy (leader memory; a new leader starts without).
 *
 * @param average     the replicas' average over the window (% or connections); null while none has samples
 * @param recommended the count the load asked for; null while there is no load to go by
 * @param scaledAt    when the autoscaler last changed the count, null when it has not
 */
public record Evaluation(Instant at, Double average, Integer recommended, String reason, Instant scaledAt) {
}
