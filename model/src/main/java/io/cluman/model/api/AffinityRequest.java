package io.cluman.model.api;

/**
 * A soft placement preference of a service: nodes matching {@code constraint} (same syntax as a constraint,
 * e.g. {@code zone==a}) rank higher by {@code weight} (1 to 100), or lower when the weight is negative
 * (-100 to -1). Unlike a constraint it never makes a node ineligible.
 */
public record AffinityRequest(String constraint, Integer weight) {
}
