package io.cluman.server.placement;

import io.cluman.model.container.Container;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link PlanApplier} committed: the containers written, in order, and why the rest were not, if any
 * were left.
 *
 * @param written   containers committed to the store
 * @param refusal   why the remaining replicas were not placed (the scheduler's explanation, a plan-check
 *                  conflict, or retries exhausted); empty when every replica was placed
 * @param contended the refusal is that other placements kept winning the compare-and-swap (try again later),
 *                  not that no node fits
 */
public record Outcome(List<Container> written, Optional<String> refusal, boolean contended) {
    public Outcome {
        written = List.copyOf(written);
    }

    static Outcome placed(List<Container> written) {
        return new Outcome(written, Optional.empty(), false);
    }

    static Outcome refused(List<Container> written, String why) {
        return new Outcome(written, Optional.of(why), false);
    }
}
