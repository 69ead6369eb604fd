package io.cluman.agent.driver;

import java.util.Map;

/**
 * The names that mark a runtime object as Cluman's. Docker containers carry them as labels; the
 * process driver records the same facts in its state file and passes them to the task as environment
 * variables ({@link #ENV_ALLOC}, ...), which docker containers get too.
 */
public final class TaskLabels {
    /** The allocation a runtime object runs. */
    public static final String ALLOC = "cluman.alloc";
    /** The node whose agent created it. */
    public static final String NODE = "cluman.node";
    /** The spec's name. */
    public static final String NAME = "cluman.name";
    /** The published ports, as {@code host:container/proto,...}. */
    public static final String PORTS = "cluman.ports";
    /** Spec label choosing a docker network: {@code host} (default), {@code none} or {@code bridge}. */
    public static final String NETWORK = "cluman.network";

    public static final String ENV_ALLOC = "CLUMAN_ALLOC_ID";
    public static final String ENV_NODE = "CLUMAN_NODE_ID";
    public static final String ENV_NAME = "CLUMAN_TASK_NAME";

    private TaskLabels() {
    }

    /** The variables every task gets (a spec's own env cannot override them). */
    public static Map<String, String> environment(TaskRequest request) {
        return Map.of(ENV_ALLOC, request.allocId(), ENV_NODE, request.nodeId(), ENV_NAME, request.name());
    }
}
