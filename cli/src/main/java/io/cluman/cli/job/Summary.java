package io.cluman.cli.job;

import io.cluman.cli.output.Human;
import java.time.Duration;

/**
 * The one line a long operation ends with: what ran on what, how it ended, how long it took, and why it
 * failed: {@code job j-9 node.batch drain (n-1, n-2): FAILED after 3s: 1 of 2 nodes failed}.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * {@code what: STATE[ after 3s][: reason]}.
     *
     * @param took   how long it ran; null when unknown
     * @param reason why it did not succeed; null or blank for none
     */
    public static String line(String what, String state, Duration took, String reason) {
        StringBuilder text = new StringBuilder(what).append(": ").append(state);
        if (took != null && !took.isNegative()) {
            text.append(" after ").append(Human.span(took));
        }
        if (reason != null && !reason.isBlank()) {
            text.append(": ").append(reason.strip());
        }
        return text.toString();
    }
}
