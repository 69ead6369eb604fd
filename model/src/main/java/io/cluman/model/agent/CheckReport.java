package io.cluman.model.agent;

import io.cluman.model.check.CheckResult;
import java.util.List;

/** {@code POST /v1/agent/check-results}: the runs of checks an agent made since its last report. */
public record CheckReport(String nodeId, List<CheckResult> results) {
    public CheckReport {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
