package io.cluman.server.autoscale;

import io.cluman.model.service.AutoscalePolicy;

/**
 * The count a service should have for the average load of its replicas: {@code ceil(replicas × average /
 * target)}, within the policy's bounds, unchanged while the average is within {@link #TOLERANCE} of the target
 * (so a load that hovers at the target does not make the count flap). Pure.
 */
final class ScaleRecommender {
    /** How far from the target the average may be, as a share of it, before the count changes. */
    static final double TOLERANCE = 0.1;

    private ScaleRecommender() {
    }

    /** What {@code replicas} replicas whose average is {@code average} (in %) should become, and why. */
    static Recommendation recommend(AutoscalePolicy policy, int replicas, double average) {
        double ratio = average / policy.target();
        String load = policy.metric() + " " + policy.format(average) + " of target " + policy.format(policy.target());
        if (Math.abs(ratio - 1) <= TOLERANCE) {
            return new Recommendation(policy.bound(replicas), load + ": within " + Math.round(TOLERANCE * 100) + "%");
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE, Math.ceil(replicas * ratio - 1e-9));
        int bounded = policy.bound(wanted);
        String limit = bounded == wanted ? "" : bounded == policy.max() ? ", held at max " + policy.max()
                : ", held at min " + policy.min();
        return new Recommendation(bounded, load + ": " + wanted + " replica(s) would carry it" + limit);
    }

    /** A count and the words that explain it. */
    record Recommendation(int replicas, String reason) {
    }
}
