package io.cluman.scheduler.constraint;

import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads constraints from text. The forms:
 * <pre>
 *   zone=a                      equals
 *   zone!=b                     not equals (true when the node has no zone)
 *   zone in (a,b)               one of
 *   hostname regexp ^web-\d+$   the pattern is found in the value
 *   gpu exists                  has the key, whatever its value
 * </pre>
 * Keys are label keys or node attributes (see {@code NodeInfo}). Every error says what was read and what
 * is accepted; {@link #parseAll} names the entry ({@code constraints[2]}) so the API can answer 400.
 */
public final class ConstraintParser {
    private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
    private static final Pattern SYMBOLIC = Pattern.compile(KEY + "\\s*(!=|==|=)\\s*(.*)");
    private static final Pattern WORD = Pattern.compile(KEY + "\\s+([A-Za-z]+)\\s*(.*)");
    private static final Pattern OTHER = Pattern.compile(KEY + "\\s*([^-A-Za-z0-9_./\\s]+).*");
    private static final Pattern LIST = Pattern.compile("\\((.*)\\)");
    private static final String FORMS = "use key=value, key!=value, key in (a,b), key regexp pattern or key exists";

    private ConstraintParser() {
    }

    /** The constraint {@code text} means; {@link ConstraintException} saying why not. */
    public static Constraint parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ConstraintException("empty constraint: " + FORMS);
        }
        Matcher m = SYMBOLIC.matcher(t);
        if (m.matches()) {
            String value = m.group(3).strip();
            if (value.isEmpty()) {
                throw new ConstraintException("'" + t + "' has no value after '" + m.group(2) + "'");
            }
            return m.group(2).equals("!=") ? new Constraint.NotEquals(m.group(1), value)
                    : new Constraint.Equals(m.group(1), value);
        }
        m = WORD.matcher(t);
        if (m.matches()) {
            return word(t, m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3).strip());
        }
        m = OTHER.matcher(t);
        if (m.matches()) {
            throw unknownOperator(t, m.group(2));
        }
        throw new ConstraintException("'" + t + "' is not a constraint: " + FORMS);
    }

    /**
     * Every constraint of {@code texts}, in order; a {@link ValidationException} with one error per bad entry,
     * each naming {@code field[i]} (e.g. {@code constraints[1]}).
     */
    public static List<Constraint> parseAll(String field, List<String> texts) {
        List<Constraint> parsed = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                parsed.add(parse(texts.get(i)));
            } catch (ConstraintException e) {
                errors.add(new FieldError(field + "[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return parsed;
    }

    private static Constraint word(String text, String key, String operator, String rest) {
        return switch (operator) {
            case "exists" -> {
                if (!rest.isEmpty()) {
                    throw new ConstraintException("'" + text + "': exists takes no value");
                }
                yield new Constraint.Exists(key);
            }
            case "in" -> new Constraint.In(key, list(text, rest));
            case "regexp" -> new Constraint.Regexp(key, regexp(text, rest));
            default -> throw unknownOperator(text, operator);
        };
    }

    private static List<String> list(String text, String rest) {
        Matcher m = LIST.matcher(rest);
        if (!m.matches()) {
            throw new ConstraintException("'" + text + "': in takes a list in parentheses, e.g. zone in (a,b)");
        }
        List<String> values = Arrays.stream(m.group(1).split(",", -1)).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new ConstraintException("'" + text + "': the list has an empty value");
        }
        return values;
    }

    private static Pattern regexp(String text, String rest) {
        if (rest.isEmpty()) {
            throw new ConstraintException("'" + text + "': regexp needs a pattern, e.g. hostname regexp ^web-\\d+$");
        }
        try {
            return Pattern.compile(rest);
        } catch (PatternSyntaxException e) {
            throw new ConstraintException("'" + text + "': invalid regexp: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
    }

    private static ConstraintException unknownOperator(String text, String operator) {
        return new ConstraintException("'" + text + "': unknown operator '" + operator + "': " + FORMS);
    }
}
