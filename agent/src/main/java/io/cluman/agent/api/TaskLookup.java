package io.cluman.agent.api;

import io.cluman.agent.driver.TaskHandle;
import java.util.Optional;

/** Finds the task that runs (or ran) an allocation on this node: the task runners' registry. Thread-safe. */
@FunctionalInterface
public interface TaskLookup {
    /** The task of {@code allocId}; empty when this node has none (not assigned here, or not started yet). */
    Optional<TaskHandle> task(String allocId);
}
