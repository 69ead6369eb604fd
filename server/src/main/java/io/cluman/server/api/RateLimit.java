package io.cluman.server.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token-bucket budget: {@code burst} requests at once, refilled at {@code perSecond}. Written
 * {@code RATE/s,BURST} ({@code 50/s,200}), {@code RATE/s} (burst four times the rate, at least 1), or
 * {@code off} (no limit).
 *
 * @param perSecond tokens added per second; 0 with burst 0 means off
 * @param burst     the bucket's size: requests allowed at once after a quiet spell
 */
public record RateLimit(double perSecond, int burst) {
    /** No limit at all. */
    public static final RateLimit OFF = new RateLimit(0, 0);
    /**
     * Joins per remote address: a join storm comes from many addresses, one join each; even 10,000 agents
     * behind one NAT address get through in about three minutes (agents retry after a 429).
     */
    public static final RateLimit JOIN_DEFAULT = new RateLimit(50, 200);
    /** Failed authentications per remote address: 20 typos, then one guess a second. */
    public static final RateLimit AUTH_FAILURE_DEFAULT = new RateLimit(1, 20);

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)/s(?:,(\\d+))?");

    public RateLimit {
        if (!(perSecond >= 0) || burst < 0 || (perSecond == 0) != (burst == 0)) {
            throw new IllegalArgumentException("a rate limit needs a rate above 0 per second and a burst of at least 1"
                    + " (or neither, for off); was " + perSecond + "/s, burst " + burst);
        }
    }

    /** Whether this limit limits anything. */
    public boolean isOn() {
        return burst > 0;
    }

    /**
     * Parses {@code RATE/s[,BURST]} or {@code off}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static RateLimit parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals("off")) {
            return OFF;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate: write RATE/s or RATE/s,BURST"
                    + " (e.g. 50/s,200), or off");
        }
        double rate = Double.parseDouble(m.group(1));
        int burst = m.group(2) != null ? Integer.parseInt(m.group(2)) : (int) Math.max(1, Math.ceil(rate * 4));
        return new RateLimit(rate, burst);
    }

    @Override
    public String toString() {
        return isOn() ? perSecond + "/s," + burst : "off";
    }
}
