package io.cluman.model.agent;

import java.util.List;

/** {@code POST /v1/agent/status}: the node's changed allocations. */
public record StatusReport(String nodeId, List<TaskReport> tasks) {
    public StatusReport {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
