package io.cluman.cli.service;

import io.cluman.model.api.UpdateRequest;
import picocli.CommandLine.Option;

/** How a new spec replaces a service's replicas: the {@code update} strategy of {@code service create|update}. */
public final class UpdateStrategyOptions {
    @Option(names = "--max-parallel", paramLabel = "N",
            description = "New replicas started at once during a deployment (default 1).")
    Integer maxParallel;

    @Option(names = "--min-healthy-time", paramLabel = "DURATION",
            description = "How long a new replica must run (and be healthy) before an old one goes (default 5s).")
    String minHealthyTime;

    @Option(names = "--healthy-deadline", paramLabel = "DURATION",
            description = "A new replica not healthy by then fails the deployment (default 1m).")
    String healthyDeadline;

    @Option(names = "--auto-revert", description = "Return to the last good spec when a deployment fails.")
    Boolean autoRevert;

    @Option(names = "--canary", paramLabel = "N",
            description = "Start N new replicas first and wait for 'cluman service promote' (default 0).")
    Integer canary;

    /** The strategy asked for, or null when no option was given (the server's defaults apply). */
    UpdateRequest request() {
        if (maxParallel == null && minHealthyTime == null && healthyDeadline == null && autoRevert == null
                && canary == null) {
            return null;
        }
        return new UpdateRequest(maxParallel, minHealthyTime, healthyDeadline, autoRevert, canary);
    }
}
