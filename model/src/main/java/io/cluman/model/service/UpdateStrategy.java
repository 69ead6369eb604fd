package io.cluman.model.service;

import java.time.Duration;

/**
 * How a service's new spec replaces its running replicas (a deployment), checked and with defaults filled.
 *
 * @param maxParallel     new replicas started at once (surge), at least 1
 * @param minHealthyTime  how long a new replica must be running and healthy before an old one is removed
 * @param healthyDeadline how long a new replica has to become healthy before the deployment fails
 * @param autoRevert      whether a failed deployment starts a new one of the last good template
 * @param canary          new replicas placed before waiting for a promote; 0: no canary
 */
public record UpdateStrategy(int maxParallel, Duration minHealthyTime, Duration healthyDeadline, boolean autoRevert,
                             int canary) {
    public static final UpdateStrategy DEFAULT = new UpdateStrategy(1, Duration.ofSeconds(5), Duration.ofMinutes(1),
            false, 0);
}
