package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A service's autoscale policy with what the autoscaler last made of it.
 *
 * @param replicas    the service's replica count now
 * @param current     the replicas' average of {@code metric} over the window at the last evaluation (% for cpu
 *                    and memory, connections for requests); absent
 *                    before the first one or while no replica has samples
 * @param recommended the count the last evaluation asked for (before the scale-down delay)
 * @param reason      what the last evaluation decided and why, in words
 * @param evaluatedAt when the leader last evaluated the policy; absent before it did
 * @param scaledAt    when the autoscaler last changed the count; absent when it never did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoscaleView(String service, int min, int max, String metric, double target, String window,
                            String scaleDownDelay, int replicas, Double current, Integer recommended, String reason,
                            Instant evaluatedAt, Instant scaledAt) {
}
