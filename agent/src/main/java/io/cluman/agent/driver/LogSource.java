package io.cluman.agent.driver;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A driver that can show a task's output. */
public interface LogSource {
    /**
     * Passes the task's output to {@code line}, one line at a time without its line break, on the
     * calling thread. Returns when the lines asked for are passed and, when following, once the task
     * ended and its last lines are passed, or soon (well under a second) after {@code cancelled} turns
     * true.
     *
     * @param tail   how many of the last lines to pass first; negative: all
     * @param follow whether to keep passing lines as the task writes them
     * @throws DriverException NOT_FOUND when the task is gone
     */
    void logs(TaskHandle handle, int tail, boolean follow, Consumer<String> line, BooleanSupplier cancelled);
}
