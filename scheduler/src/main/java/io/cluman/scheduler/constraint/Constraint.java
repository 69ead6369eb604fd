package io.cluman.scheduler.constraint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule on one node label or attribute. {@link #test} gets the node's value for {@link #key()}, or null
 * when the node has none: a missing value fails every operator except {@code !=} (a node without a zone
 * is not in zone b). {@link #toString()} gives the canonical text, which explanations quote.
 */
public sealed interface Constraint {
    /** The label or attribute the rule reads. */
    String key();

    /** Whether a node whose value for {@link #key()} is {@code value} (null: absent) satisfies the rule. */
    boolean test(String value);

    /** {@code key=value}. */
    record Equals(String key, String value) implements Constraint {
        @Override
        public boolean test(String v) {
            return value.equals(v);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** {@code key!=value}; true for a node without the key. */
    record NotEquals(String key, String value) implements Constraint {
        @Override
        public boolean test(String v) {
            return !value.equals(v);
        }

        @Override
        public String toString() {
            return key + "!=" + value;
        }
    }

    /** {@code key in (a,b)}. */
    record In(String key, List<String> values) implements Constraint {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean test(String v) {
            return v != null && values.contains(v);
        }

        @Override
        public String toString() {
            return key + " in (" + String.join(",", values) + ")";
        }
    }

    /** {@code key regexp pattern}: the pattern is found in the value (anchor it with ^ and $ for a full match). */
    record Regexp(String key, Pattern pattern) implements Constraint {
        @Override
        public boolean test(String v) {
            return v != null && pattern.matcher(v).find();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Regexp r && r.key.equals(key) && r.pattern.pattern().equals(pattern.pattern());
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + pattern.pattern().hashCode();
        }

        @Override
        public String toString() {
            return key + " regexp " + pattern.pattern();
        }
    }

    /** {@code key exists}: the node has the label or attribute, whatever its value. */
    record Exists(String key) implements Constraint {
        @Override
        public boolean test(String v) {
            return v != null;
        }

        @Override
        public String toString() {
            return key + " exists";
        }
    }
}
