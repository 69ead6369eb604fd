package io.cluman.model.api;

import io.cluman.model.validation.ValidationException;
import io.cluman.model.validation.Validator;

/**
 * What output of a container to show: {@code ?tail=&follow=} of the server's and the agent's logs routes.
 *
 * @param tail   how many of the last lines; -1: all of them
 * @param follow whether to keep sending lines as they are written, until the container ends
 */
public record LogQuery(int tail, boolean follow) {
    /** Every line, not following. */
    public static final LogQuery ALL = new LogQuery(-1, false);

    /**
     * Reads the raw query parameters; absent or empty ones take the defaults (all lines, no follow).
     *
     * @throws ValidationException naming {@code tail} and/or {@code follow}
     */
    public static LogQuery parse(String tail, String follow) {
        Validator v = new Validator();
        int lines = -1;
        if (tail != null && !tail.isEmpty()) {
            try {
                lines = Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                lines = Integer.MIN_VALUE;
            }
            v.check(lines >= 0, "tail", "'" + tail + "' is not a line count: use a whole number, 0 or more");
        }
        boolean following = false;
        if (follow != null && !follow.isEmpty()) {
            following = "true".equalsIgnoreCase(follow);
            v.check(following || "false".equalsIgnoreCase(follow), "follow", "'" + follow + "' is not true or false");
        }
        v.throwIfInvalid();
        return new LogQuery(lines, following);
    }

    /** The query string to send: {@code ?tail=N&follow=true}, or what of it differs from the defaults. */
    public String toQueryString() {
        String t = tail >= 0 ? "tail=" + tail : "";
        String f = follow ? "follow=true" : "";
        String both = t.isEmpty() || f.isEmpty() ? t + f : t + "&" + f;
        return both.isEmpty() ? "" : "?" + both;
    }
}
