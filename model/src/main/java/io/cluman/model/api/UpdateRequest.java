package io.cluman.model.api;

/**
 * The {@code update} of a service request: how a new spec replaces running replicas. Durations are text
 * such as {@code 5s}, {@code 500ms}, {@code 1m}, or a number of seconds. Every field is optional.
 *
 * @param maxParallel     new replicas started at once, before old ones go (default 1, at least 1)
 * @param minHealthyTime  how long a new replica must be running and healthy before an old one goes (default 5s)
 * @param healthyDeadline how long a new replica has to become healthy, or the deployment fails (default 1m)
 * @param autoRevert      whether a failed deployment goes back to the last good spec (default false)
 * @param canary          new replicas placed first; the rest waits for {@code POST .../promote} (default 0)
 */
public record UpdateRequest(Integer maxParallel, String minHealthyTime, String healthyDeadline, Boolean autoRevert,
                            Integer canary) {
}
