package io.cluman.model.validation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 512M}, {@code 1.5G}, {@code 64Mi}, {@code 1048576} into bytes (powers of 1024). */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(I?B?)", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /** The bytes of {@code text}; IllegalArgumentException naming the accepted forms when it is not a size. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: use bytes, or a number with K, M, G"
                    + " or T (e.g. 512M, 1.5G)");
        }
        int power = "KMGT".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return (long) bytes;
    }
}
