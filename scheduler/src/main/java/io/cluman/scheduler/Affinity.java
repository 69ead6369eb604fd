package io.cluman.scheduler;

import io.cluman.scheduler.constraint.Constraint;

/**
 * A soft preference: nodes matching {@code constraint} score {@code weight} (−100..100, not 0; negative
 * means avoid). Unlike a constraint it never refuses a node.
 */
public record Affinity(Constraint constraint, int weight) {
    public Affinity {
        if (constraint == null) {
            throw new IllegalArgumentException("an affinity needs a constraint");
        }
        if (weight == 0 || weight < -100 || weight > 100) {
            throw new IllegalArgumentException("affinity weight " + weight + " is not in -100..100 (not 0)");
        }
    }
}
