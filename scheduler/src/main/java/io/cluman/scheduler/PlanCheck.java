package io.cluman.scheduler;

import java.util.List;

/**
 * What {@link PlanChecker} found: nothing (the plan can be committed) or the conflicts, one line each, such as
 * {@code node n-3: out of memory (needs 1073741824 more, 536870912 free)}.
 */
public record PlanCheck(List<String> conflicts) {
    public PlanCheck {
        conflicts = List.copyOf(conflicts);
    }

    /** Whether the plan still fits and can be committed. */
    public boolean fits() {
        return conflicts.isEmpty();
    }
}
