package io.cluman.model.agent;

import io.cluman.model.container.TaskState;
import java.time.Instant;

/** An agent's report of one allocation's state; sent as soon as it changes. */
public record TaskReport(String allocId, long generation, TaskState state, Integer exitCode, int restarts,
                         String error, String runtimeId, Instant startedAt, Instant finishedAt) {
}
