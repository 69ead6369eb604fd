package io.cluman.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects field errors while a request is checked, then throws them all at once.
 *
 * <pre>{@code
 * Validator v = new Validator();
 * v.dnsLabel("name", request.name());
 * v.labels("labels", request.labels());
 * v.throwIfInvalid();
 * }</pre>
 */
public final class Validator {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    private final List<FieldError> errors = new ArrayList<>();

    /** Whether {@code value} is a DNS label: 1-63 of a-z, 0-9 and '-', not starting or ending with '-'. */
    public static boolean isDnsLabel(String value) {
        return value != null && DNS_LABEL.matcher(value).matches();
    }

    public Validator required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
        }
        return this;
    }

    public Validator dnsLabel(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required: a DNS label such as 'web-1' (a-z, 0-9, '-', at most 63 characters)");
        } else if (!isDnsLabel(value)) {
            add(field, "'" + value + "' is not a DNS label: use 1-63 lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit");
        }
        return this;
    }

    public Validator labels(String field, Map<String, String> labels) {
        if (labels == null) {
            return this;
        }
        labels.forEach((key, value) -> {
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                add(field, "label key '" + key + "' is invalid: use 1-63 letters, digits, '-', '_', '.', '/'");
            } else if (value == null || !LABEL_VALUE.matcher(value).matches()) {
                add(field + "." + key, "label value '" + value
                        + "' is invalid: use at most 63 letters, digits, '-', '_', '.'");
            }
        });
        return this;
    }

    public Validator check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public Validator add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
