package io.cluman.scheduler;

import io.cluman.scheduler.constraint.Constraint;

/**
 * A constraint bound to a snapshot's column for its key, deciding each distinct value once (a memo per
 * request), so the hot loop pays an array read per node instead of a string comparison or a regexp.
 * Not thread-safe: one per request.
 */
final class ValueMatch {
    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final Constraint constraint;
    private final Column column;
    private final byte[] memo;
    private final boolean whenMissing;

    ValueMatch(Constraint constraint, Column column) {
        this.constraint = constraint;
        this.column = column;
        this.memo = new byte[column == null ? 0 : column.size()];
        this.whenMissing = constraint.test(null);
    }

    Constraint constraint() {
        return constraint;
    }

    boolean test(int node) {
        int v = column == null ? -1 : column.valueOf(node);
        if (v < 0) {
            return whenMissing;
        }
        byte known = memo[v];
        if (known == UNKNOWN) {
            known = constraint.test(column.value(v)) ? YES : NO;
            memo[v] = known;
        }
        return known == YES;
    }
}
