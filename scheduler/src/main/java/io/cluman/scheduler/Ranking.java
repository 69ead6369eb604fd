package io.cluman.scheduler;

/** How feasible nodes are ordered before preferences apply. */
public enum Ranking {
    /** Fullest first: fill nodes before starting new ones, leaving whole nodes free for big requests. */
    BINPACK,
    /** Emptiest first: spread load over as many nodes as possible. */
    SPREAD
}
