package io.cluman.model.agent;

import java.util.List;

/**
 * The answer to {@code GET /v1/agent/assignments}: every allocation of the node, and the index to send
 * with the next (blocking) query. The list is complete: an allocation missing from it must go.
 */
public record Assignments(long index, List<Assignment> assignments) {
    public Assignments {
        assignments = List.copyOf(assignments);
    }
}
