package io.cluman.server.compose;

import java.util.List;

/**
 * What a service's {@code deploy} section (and the older service-level {@code scale}, {@code cpus},
 * {@code mem_limit}) set.
 *
 * @param restart from {@code deploy.restart_policy}; null when it has none (the service's {@code restart} holds)
 * @param spread  the node label of {@code deploy.placement.preferences: [{spread: node.labels.KEY}]}, or null
 */
record DeploySettings(int replicas, double cpus, long memory, List<String> constraints, String restart,
                      String spread) {
    DeploySettings {
        constraints = List.copyOf(constraints);
    }
}
