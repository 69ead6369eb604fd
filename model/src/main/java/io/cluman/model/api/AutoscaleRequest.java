package io.cluman.model.api;

/**
 * {@code PUT /v1/services/{name}/autoscale}: keep the service between {@code min} and {@code max} replicas so
 * that its replicas' average {@code metric} stays near {@code target}. Durations are text such as {@code 30s},
 * {@code 1m}, or a number of seconds.
 *
 * @param min            the fewest replicas, at least 1
 * @param max            the most replicas, at least {@code min}
 * @param metric         {@code cpu}: % of each replica's CPU limit (of one core without a limit); {@code memory}:
 *                       % of each replica's memory limit (the template must set one); {@code requests}: TCP
 *                       connections open to each replica's published ports (the template must publish one)
 * @param target         the average the autoscaler aims for: % for cpu (1-1000) and memory (1-100), connections
 *                       per replica for requests (1-100000)
 * @param window         the stretch of recent samples averaged for each decision (default 1m, 10s to 30m)
 * @param scaleDownDelay how long the highest recommendation of that stretch holds before the service shrinks, so
 *                       a short lull does not drop replicas (default 5m, 0s to 24h); growing is never delayed
 */
public record AutoscaleRequest(Integer min, Integer max, String metric, Double target, String window,
                               String scaleDownDelay) {
}
