package io.cluman.model.agent;

import java.util.List;

/**
 * {@code POST /v1/agent/stats}: one round of samples of the node's running tasks (every 10 s by default).
 * Not acknowledged work: a report the server does not get is not sent again.
 */
public record StatsReport(String nodeId, List<TaskSample> samples) {
    public StatsReport {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
