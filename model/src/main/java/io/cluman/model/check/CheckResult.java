package io.cluman.model.check;

import java.time.Instant;

/**
 * One run of a check, as the agent that ran it reports it.
 *
 * @param passed     whether the probe passed
 * @param output     what it said: the HTTP status, the connect error; empty when it passed
 * @param durationMs how long the run took
 * @param at         when it ran (the agent's clock)
 */
public record CheckResult(String check, boolean passed, String output, long durationMs, Instant at) {
}
